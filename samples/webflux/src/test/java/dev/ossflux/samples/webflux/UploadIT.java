package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ossflux.core.Crc64;
import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.StoredObject;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

@SampleApplicationTest
class UploadIT {

    private static final int MIB = 1024 * 1024;

    @Autowired
    private WebTestClient web;

    @Autowired
    private OssEmulator emulator;

    @AfterEach
    void clearFaults() {
        emulator.clearFaults();
    }

    @Test
    void streamsA20MiBFileAsMultipartUploadAndAnswersWithTheCallbackReply() {
        byte[] content = randomBytes(20 * MIB, 20);

        JsonNode response = upload(content, "big video.mp4", MediaType.parseMediaType("video/mp4"))
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        String key = response.get("key").asString();
        assertThat(key).matches("uploads/[0-9a-f-]{36}/big_video\\.mp4");
        assertThat(response.get("size").asLong()).isEqualTo(content.length);
        assertThat(response.get("crc64").asString()).isEqualTo(Crc64.format(Crc64.of(content)));
        assertThat(response.get("etag").asString()).as("a multipart ETag: 8 + 8 + 4 MiB").endsWith("-3");

        JsonNode callback = response.get("callback");
        assertThat(callback.get("Status").asString()).isEqualTo("OK");
        assertThat(callback.get("object").asString()).isEqualTo(key);
        assertThat(callback.get("size").asLong()).isEqualTo(content.length);
        assertThat(callback.get("etag").asString()).isEqualTo(response.get("etag").asString());
        assertThat(callback.get("crc64").asString()).isEqualTo(response.get("crc64").asString());
        assertThat(callback.get("mimeType").asString()).isEqualTo("video/mp4");
        assertThat(key).contains(callback.get("uploadId").asString());

        StoredObject stored = emulator.object(SampleApplicationTest.BUCKET, key).orElseThrow();
        assertThat(stored.bytes()).isEqualTo(content);
        assertThat(stored.crc64Text()).isEqualTo(response.get("crc64").asString());
        assertThat(stored.etag()).isEqualTo(response.get("etag").asString());
        assertThat(emulator.pendingMultipartUploads(SampleApplicationTest.BUCKET)).isEmpty();
    }

    @Test
    void sendsAFileShorterThanOnePartInOnePutObject() throws Exception {
        byte[] content = randomBytes(300 * 1024, 300);

        JsonNode response = upload(content, "notes.txt", MediaType.TEXT_PLAIN)
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(response.get("etag").asString()).as("a PutObject ETag is the content MD5")
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(content)));
        assertThat(response.get("callback").get("mimeType").asString()).isEqualTo("text/plain");
        String key = response.get("key").asString();
        assertThat(emulator.object(SampleApplicationTest.BUCKET, key)).map(StoredObject::bytes).contains(content);
    }

    @Test
    void storesAnEmptyFile() {
        upload(new byte[0], "empty.txt", MediaType.TEXT_PLAIN)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.size").isEqualTo(0)
                .jsonPath("$.crc64").isEqualTo("0")
                .jsonPath("$.callback.Status").isEqualTo("OK");
    }

    @Test
    void answers502WithTheStoredObjectWhenTheCallbackFails() {
        emulator.inject(Fault.callbackStatus(500));
        byte[] content = randomBytes(1000, 1);

        JsonNode response = upload(content, "report.pdf", MediaType.APPLICATION_PDF)
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(response.get("callbackError").asString()).as("OSS's words stay in the log")
                .isEqualTo(UploadHandler.CALLBACK_FAILED).doesNotContain("500");
        assertThat(response.has("callback")).isFalse();
        assertThat(emulator.object(SampleApplicationTest.BUCKET, response.get("key").asString()))
                .map(StoredObject::crc64Text).contains(response.get("crc64").asString());
    }

    @Test
    void storesATypeOffTheAllowListAsOctetStream() {
        JsonNode response = upload("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "page.html",
                MediaType.TEXT_HTML)
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(response.get("callback").get("mimeType").asString()).isEqualTo("application/octet-stream");
        assertThat(emulator.object(SampleApplicationTest.BUCKET, response.get("key").asString()))
                .map(StoredObject::contentType).contains("application/octet-stream");
    }

    @Test
    void answers413AndAbortsTheUploadOfAFileOverTheMaximumSize(@LocalServerPort int port) {
        String boundary = "sample-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = randomBytes(MIB, 9);
        Flux<ByteBuf> overTheLimit = Flux.range(0, SampleApplicationTest.MAX_UPLOAD_MIB + 6)
                .map(i -> Unpooled.wrappedBuffer(chunk))
                .startWith(Unpooled.wrappedBuffer(head))
                .concatWithValues(Unpooled.wrappedBuffer(tail));

        String answer = HttpClient.create()
                .headers(headers -> headers.set("Content-Type", "multipart/form-data; boundary=" + boundary))
                .post().uri("http://127.0.0.1:" + port + "/uploads")
                .send(overTheLimit)
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> response.status().code() + " " + text))
                // The server answers while the client is still sending, then closes the connection; bytes that
                // arrive after the close make the kernel reset it, sometimes before the client has read the
                // answer. That is TCP, not the application: ask again (each attempt begins and aborts an upload).
                .retryWhen(Retry.max(3).filter(UploadIT::isConnectionReset))
                .block(Duration.ofSeconds(60));

        assertThat(answer).startsWith("413 ").contains("larger than " + SampleApplicationTest.MAX_UPLOAD_MIB * MIB);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(sent(Operation.INITIATE_MULTIPART_UPLOAD, "/huge.bin")).as("a multipart upload began").isTrue();
            assertThat(sent(Operation.ABORT_MULTIPART_UPLOAD, "/huge.bin")).isTrue();
            assertThat(emulator.pendingMultipartUploads(SampleApplicationTest.BUCKET)).isEmpty();
        });
        assertThat(sent(Operation.COMPLETE_MULTIPART_UPLOAD, "/huge.bin")).isFalse();
    }

    private static boolean isConnectionReset(Throwable error) {
        return error instanceof IOException && String.valueOf(error.getMessage()).contains("reset");
    }

    @Test
    void rejectsARequestWithoutAFileField() {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("note", "no file here");

        web.post().uri("/uploads").body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").value(error -> assertThat((String) error).contains("'file'"));
    }

    @Test
    void sendsPartsWhileTheBrowserIsStillSendingAndAbortsWhenItGoesAway(@LocalServerPort int port) {
        String boundary = "sample-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gone.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = randomBytes(MIB, 7);
        Mono<Void> firstPartStored = Mono.fromSupplier(() -> stored(Operation.UPLOAD_PART, "/gone.bin") ? true : null)
                .repeatWhenEmpty(200, attempts -> attempts.delayElements(Duration.ofMillis(50)))
                .then();
        Flux<ByteBuf> tenMiBThenGone = Flux.range(0, 10)
                .map(i -> Unpooled.wrappedBuffer(chunk))
                .startWith(Unpooled.wrappedBuffer(head))
                .concatWith(firstPartStored.then(Mono.error(new IOException("the browser went away"))));

        Mono<Integer> status = HttpClient.create()
                .headers(headers -> headers.set("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .set("Content-Length", 20 * MIB))
                .post().uri("http://127.0.0.1:" + port + "/uploads")
                .send(tenMiBThenGone)
                .responseSingle((response, body) -> Mono.just(response.status().code()));
        assertThatThrownBy(() -> status.block(Duration.ofSeconds(20)))
                .as("the first 8 MiB part reached OSS before the browser stopped sending")
                .hasMessageContaining("went away");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(sent(Operation.ABORT_MULTIPART_UPLOAD, "/gone.bin")).isTrue();
            assertThat(emulator.pendingMultipartUploads(SampleApplicationTest.BUCKET)).isEmpty();
        });
    }

    @Test
    void blockHoundIsActive() {
        Mono<Void> sleepOnParallelThread = Mono.<Void>fromRunnable(() -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).subscribeOn(Schedulers.parallel());

        assertThatThrownBy(() -> sleepOnParallelThread.block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class);
    }

    private WebTestClient.ResponseSpec upload(byte[] content, String filename, MediaType type) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(type);
        return web.post().uri("/uploads").body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    /** Whether the emulator answered {@code operation} with 200 for a key ending in {@code keySuffix}. */
    private boolean stored(Operation operation, String keySuffix) {
        return emulator.requests().stream().anyMatch(request -> request.operation() == operation
                && request.status() == 200 && request.key().filter(key -> key.endsWith(keySuffix)).isPresent());
    }

    /** Whether the emulator got {@code operation} for a key ending in {@code keySuffix}, whatever it answered. */
    private boolean sent(Operation operation, String keySuffix) {
        return emulator.requests().stream().anyMatch(request -> request.operation() == operation
                && request.key().filter(key -> key.endsWith(keySuffix)).isPresent());
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
