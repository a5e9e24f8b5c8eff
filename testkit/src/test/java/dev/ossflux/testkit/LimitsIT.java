package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.sign.V1Signer;
import dev.ossflux.testkit.internal.Limits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** The caps that keep one client from exhausting the emulator's memory, each met head-on. */
class LimitsIT {

    private static final String BUCKET = "examplebucket";
    private static final int MIB = 1024 * 1024;
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([0-9A-F]+)</UploadId>");

    @Test
    void refusesAChunkedPutOverTheObjectLimitWhileItStreams() throws Exception {
        try (OssEmulator oss = OssEmulator.builder().bucket(BUCKET).limits(Limits.DEFAULT.withMaxObjectSize(MIB))
                .start()) {
            String response = streamChunked(oss, "PUT", "big.bin", "", MIB + 1);

            assertThat(response).startsWith("HTTP/1.1 400").contains("<Code>EntityTooLarge</Code>",
                    "<MaxSizeAllowed>1048576</MaxSizeAllowed>");
            assertThat(oss.object(BUCKET, "big.bin")).isEmpty();
            assertThat(Limits.DEFAULT.maxObjectSize()).as("the OSS limit, 5 GiB").isEqualTo(5L << 30);
        }
    }

    @Test
    void refusesACompleteBodyOverTwoMebibytesAnnouncedOrStreamedAndKeepsTheUploadOpen() throws Exception {
        try (OssEmulator oss = OssEmulator.builder().bucket(BUCKET).start()) {
            SignedRequests.Response initiated = SignedRequests.send(oss, new SignedRequests.Request("POST", BUCKET,
                    "parts.bin").query("uploads", null));
            Matcher id = UPLOAD_ID.matcher(initiated.text());
            assertThat(id.find()).isTrue();
            SignedRequests.Request announced = new SignedRequests.Request("POST", BUCKET, "parts.bin")
                    .query("uploadId", id.group(1)).header("Content-Length", Integer.toString(2 * MIB + 1));
            announced.body = new byte[2 * MIB + 1];

            SignedRequests.Response refused = SignedRequests.send(oss, announced);
            String streamed = streamChunked(oss, "POST", "parts.bin", "uploadId=" + id.group(1), 2 * MIB + 1);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("MalformedXML");
            assertThat(refused.error().get("MaxSizeAllowed")).isEqualTo(Integer.toString(2 * MIB));
            assertThat(streamed).startsWith("HTTP/1.1 400").contains("<Code>MalformedXML</Code>");
            assertThat(oss.pendingMultipartUploads(BUCKET)).extracting(PendingUpload::uploadId)
                    .containsExactly(id.group(1));
        }
    }

    @Test
    void keepsTheRequestLogWithinItsByteBudgetWithSmallFieldsAndNoUnauthenticatedRequests()
            throws InterruptedException {
        String big = "v".repeat(40 * 1024);
        try (OssEmulator oss = OssEmulator.builder().bucket(BUCKET)
                .limits(Limits.DEFAULT.withRequestLogBytes(64 * 1024)).start()) {
            for (int i = 0; i < 40; i++) {
                SignedRequests.send(oss, new SignedRequests.Request("GET", BUCKET, "k" + i).header("x-big", big));
            }
            SignedRequests.send(oss, new SignedRequests.Request("GET", BUCKET, "forged")
                    .credentials(dev.ossflux.core.auth.Credentials.of(OssEmulator.DEFAULT_ACCESS_KEY_ID, "wrong")));
            SignedRequests.send(oss, new SignedRequests.Request("GET", BUCKET, "last"));
            awaitLogged(oss, "last");

            List<RecordedRequest> logged = oss.requests();
            assertThat(logged).hasSizeBetween(2, 8);
            assertThat(logged).extracting(r -> r.key().orElse("")).as("the newest kept").contains("k39", "last");
            assertThat(logged).filteredOn(r -> !r.key().equals(java.util.Optional.of("last")))
                    .extracting(r -> r.header("x-big").orElse("").length()).as("x-big values kept")
                    .containsOnly(8 * 1024);
            assertThat(logged).noneMatch(r -> r.key().equals(java.util.Optional.of("forged")));
        }
        try (OssEmulator oss = OssEmulator.builder().bucket(BUCKET).recordUnauthenticatedRequests(true).start()) {
            SignedRequests.send(oss, new SignedRequests.Request("GET", BUCKET, "forged")
                    .credentials(dev.ossflux.core.auth.Credentials.of(OssEmulator.DEFAULT_ACCESS_KEY_ID, "wrong")));
            assertThat(awaitLogged(oss, "forged").errorCode()).contains("SignatureDoesNotMatch");
        }
    }

    /** The request for {@code key}, once logged: requests are logged just after their answer is written. */
    private static RecordedRequest awaitLogged(OssEmulator oss, String key) throws InterruptedException {
        for (RecordedRequest request; (request = oss.takeRequest(Duration.ofSeconds(10))) != null; ) {
            if (request.key().equals(java.util.Optional.of(key))) {
                return request;
            }
        }
        throw new AssertionError(key + " was not logged");
    }

    @Test
    void readsACallbackReplyOnlyUpToItsLimit() {
        AtomicLong sent = new AtomicLong();
        ByteBuf zeros = Unpooled.directBuffer(64 * 1024).writeZero(64 * 1024);
        ByteBuf chunk = Unpooled.unreleasableBuffer(zeros);
        DisposableServer endless = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().then(response.status(200)
                        .header("Content-Type", "application/json")
                        .send(Flux.<ByteBuf>generate(sink -> sink.next(chunk.retainedDuplicate()))
                                .doOnNext(buf -> sent.addAndGet(buf.readableBytes())))
                        .then()))
                .bindNow();
        try (OssEmulator oss = OssEmulator.builder().bucket(BUCKET).callbackTimeout(Duration.ofSeconds(30)).start();
                OssClient client = oss.clientBuilder().build()) {
            Callback callback = Callback.builder("http://127.0.0.1:" + endless.port() + "/cb", "object=${object}")
                    .build();
            StepVerifier.create(client.putObject(PutObjectRequest.builder(BUCKET, "with-reply.txt").callback(callback)
                            .build(), UploadBody.fromString("x")))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CallbackFailedException.class)
                            .hasMessageContaining("Response body is too large"))
                    .verify(Duration.ofSeconds(25));
            assertThat(sent.get()).as("bytes the endless reply got out before the emulator stopped reading")
                    .isLessThan(64L * MIB);
        } finally {
            endless.disposeNow();
            zeros.release();
        }
    }

    /**
     * Sends a V1-signed chunked request whose body is {@code bytes} long, the last byte in a chunk of its own,
     * without the closing chunk, and returns all the emulator answers before it closes the connection.
     */
    private static String streamChunked(OssEmulator oss, String method, String key, String query, long bytes)
            throws Exception {
        String date = V1Signer.HTTP_DATE.format(Instant.now());
        String resource = "/" + BUCKET + "/" + key + (query.isEmpty() ? "" : "?" + query);
        String signature = V1Signer.signature(OssEmulator.DEFAULT_ACCESS_KEY_SECRET, method + "\n\n\n" + date + "\n"
                + resource);
        try (Socket socket = new Socket("127.0.0.1", oss.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + resource + " HTTP/1.1\r\nHost: 127.0.0.1\r\nDate: " + date
                    + "\r\nAuthorization: OSS " + OssEmulator.DEFAULT_ACCESS_KEY_ID + ":" + signature
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (long left = bytes - 1; left > 0; left -= chunk.length) {
                int n = (int) Math.min(chunk.length, left);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
