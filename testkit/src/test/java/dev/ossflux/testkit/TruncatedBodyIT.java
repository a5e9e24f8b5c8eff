package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.internal.sign.SigningInput;
import dev.ossflux.core.internal.sign.V4Signer;
import io.netty.util.IllegalReferenceCountException;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Hooks;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/**
 * Request bodies cut short release each of their buffers exactly once. A buffer released one time too
 * many makes Reactor Netty's own release after {@code onNext} fail, and that failure reaches nobody but
 * the dropped-error hook; a double release can hand a pooled buffer to two owners.
 */
class TruncatedBodyIT {

    private static final String BUCKET = "examplebucket";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SIZE = 256 * 1024;

    @TempDir
    Path dir;

    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();
    private OssEmulator oss;

    @BeforeEach
    void captureDroppedErrors() {
        Hooks.onErrorDropped(dropped::add);
    }

    @AfterEach
    void stop() {
        Hooks.resetOnErrorDropped();
        if (oss != null) {
            oss.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "data directory"})
    void releasesEachBufferOnceWhenABodyIsCutShort(String storage) throws Exception {
        OssEmulator.Builder builder = OssEmulator.builder().bucket(BUCKET);
        oss = (storage.equals("memory") ? builder : builder.dataDir(dir.resolve("data"))).start();
        byte[] data = new byte[SIZE];
        new Random(7).nextBytes(data);

        try (OssClient client = oss.clientBuilder().retry(Retry.backoff(3, Duration.ofMillis(10))).build()) {
            // The emulator resets the connection in the middle of the body; the client sends it again.
            oss.inject(Operation.PUT_OBJECT, Fault.resetAfterBytes(10_000));
            StepVerifier.create(client.putObject(PutObjectRequest.of(BUCKET, "reset.bin"), UploadBody.fromBytes(data)))
                    .expectNextCount(1).expectComplete().verify(WAIT);
            assertThat(Requests.take(oss, Operation.PUT_OBJECT, 2)).extracting(RecordedRequest::status)
                    .containsExactly(0, 200);

            oss.inject(Operation.UPLOAD_PART, Fault.resetAfterBytes(100_000));
            MultipartUpload upload = client.initiateMultipartUpload(PutObjectRequest.of(BUCKET, "part.bin"))
                    .block(WAIT);
            StepVerifier.create(client.uploadPart(upload, 1, UploadBody.fromBytes(data)))
                    .expectNextCount(1).expectComplete().verify(WAIT);
            assertThat(Requests.take(oss, Operation.UPLOAD_PART, 2)).extracting(RecordedRequest::status)
                    .containsExactly(0, 200);
        }

        // The client goes away in the middle of the body: with a FIN, then with a TCP reset.
        sendHalfTheBodyAndHangUp("closed.bin", false);
        sendHalfTheBodyAndHangUp("aborted.bin", true);
        assertThat(Requests.take(oss, Operation.PUT_OBJECT, 2)).extracting(RecordedRequest::bodySize)
                .allSatisfy(size -> assertThat(size).isLessThan(SIZE));

        // The client stops waiting for the answer and closes the connection before the emulator read the body.
        oss.inject(Operation.PUT_OBJECT, Fault.delay(Duration.ofMillis(300)));
        try (OssClient impatient = oss.clientBuilder().responseTimeout(Duration.ofMillis(100))
                .retry(Retry.backoff(0, Duration.ofMillis(1))).build()) {
            StepVerifier.create(impatient.putObject(PutObjectRequest.of(BUCKET, "timeout.bin"),
                    UploadBody.fromBytes(data))).expectError().verify(WAIT);
            Requests.take(oss, Operation.PUT_OBJECT, 1);
        }

        // The emulator still stores a whole body.
        try (OssClient client = oss.clientBuilder().build()) {
            StepVerifier.create(client.putObject(PutObjectRequest.of(BUCKET, "after.bin"), UploadBody.fromBytes(data)))
                    .expectNextCount(1).expectComplete().verify(WAIT);
        }
        assertThat(oss.object(BUCKET, "after.bin").orElseThrow().bytes()).isEqualTo(data);
        assertThat(oss.object(BUCKET, "reset.bin").orElseThrow().bytes()).isEqualTo(data);
        assertThat(oss.object(BUCKET, "closed.bin")).isEmpty();

        // Reactor Netty releases a delivered buffer on its event loop just after the request was logged.
        awaitEventLoops();
        assertThat(dropped).as("errors dropped by Reactor")
                .noneMatch(TruncatedBodyIT::isReferenceCountError);
        if (storage.equals("data directory")) {
            // Only the bodies kept leave a blob (two objects and one part, and the body the impatient client
            // gave up on when it had arrived whole before the emulator read it); every cut-short one is deleted.
            Await.until(WAIT, () -> blobs().size() == 3 + (oss.object(BUCKET, "timeout.bin").isPresent() ? 1 : 0),
                    "the blobs of cut-short bodies deleted");
        }
    }

    /** Runs a no-op on every event loop and waits for it, so that whatever the loops were doing is done. */
    private static void awaitEventLoops() {
        for (EventExecutor loop : HttpResources.get().onServer(LoopResources.DEFAULT_NATIVE)) {
            assertThat(loop.submit(() -> { }).awaitUninterruptibly(WAIT.toMillis())).as("%s ran", loop).isTrue();
        }
    }

    private List<Path> blobs() {
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("blobs"))) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A signed PutObject that declares {@link #SIZE} bytes, waits for the emulator to ask for the body
     * ({@code Expect: 100-continue}), sends half of it and closes its socket.
     */
    private void sendHalfTheBodyAndHangUp(String key, boolean reset) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        new V4Signer(oss.region()).sign(new SigningInput("PUT", BUCKET, key, List.of(), headers), oss.credentials(),
                Instant.now());
        StringBuilder head = new StringBuilder("PUT /" + BUCKET + "/" + key + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(oss.port()).append("\r\n")
                .append("Content-Length: ").append(SIZE).append("\r\n")
                .append("Expect: 100-continue\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", oss.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readLine(socket.getInputStream())).isEqualTo("HTTP/1.1 100 Continue");
            out.write(new byte[SIZE / 2]);
            out.flush();
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }

    private static boolean isReferenceCountError(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof IllegalReferenceCountException) {
                return true;
            }
        }
        return false;
    }
}
