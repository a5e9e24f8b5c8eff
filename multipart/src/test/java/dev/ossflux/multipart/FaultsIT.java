package dev.ossflux.multipart;

import static dev.ossflux.multipart.UploadFixture.BUCKET;
import static dev.ossflux.multipart.UploadFixture.PART;
import static dev.ossflux.multipart.UploadFixture.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.Crc64;
import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.RecordedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/** The fault matrix of RELIABILITY.md, against the emulator over real sockets. */
class FaultsIT {

    @RegisterExtension
    final UploadFixture oss = new UploadFixture(emulator -> emulator.callbackTimeout(Duration.ofMillis(700)),
            client -> client.responseTimeout(Duration.ofMillis(800)).retry(Retry.backoff(3, Duration.ofMillis(20))),
            MultipartOptions.builder().partSize(PART).concurrency(2).multipartThreshold(1).build());

    @TempDir
    Path dir;

    @Test
    void resendsAPartWhoseConnectionWasResetMidBody() throws IOException {
        oss.emulator().inject(Operation.UPLOAD_PART, Fault.resetAfterBytes(30_000));
        byte[] data = random(4 * PART, 1);

        StepVerifier.create(oss.uploader().uploadFile(PutObjectRequest.of(BUCKET, "reset"), write(data)))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));

        assertThat(oss.emulator().object(BUCKET, "reset").orElseThrow().bytes()).isEqualTo(data);
        List<RecordedRequest> parts = oss.awaitRequests(Operation.UPLOAD_PART, 5);
        assertThat(parts.stream().filter(part -> part.status() == 0)).as("the reset attempt").hasSize(1);
        int resetPart = parts.stream().filter(part -> part.status() == 0).findFirst().orElseThrow().partNumber()
                .orElseThrow();
        assertThat(parts.stream().filter(part -> part.partNumber().orElseThrow() == resetPart)).hasSize(2);
    }

    @Test
    void retriesAPartThatTimesOut() throws IOException {
        oss.emulator().inject(Operation.UPLOAD_PART, Fault.delay(Duration.ofSeconds(3)));
        byte[] data = random(3 * PART, 2);

        StepVerifier.create(oss.uploader().uploadFile(PutObjectRequest.of(BUCKET, "slow"), write(data)))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        assertThat(oss.emulator().object(BUCKET, "slow").orElseThrow().bytes()).isEqualTo(data);
    }

    @Test
    void retriesACompleteThatFailedWith500() throws IOException {
        oss.emulator().inject(Operation.COMPLETE_MULTIPART_UPLOAD, Fault.status(500, "InternalError"));
        byte[] data = random(2 * PART + 3, 3);

        StepVerifier.create(oss.uploader().uploadFile(PutObjectRequest.of(BUCKET, "complete-500"), write(data)))
                .assertNext(result -> assertThat(result.crc64()).isEqualTo(Crc64.of(data)))
                .expectComplete().verify(Duration.ofSeconds(30));
        assertThat(oss.awaitRequests(Operation.COMPLETE_MULTIPART_UPLOAD, 2)).extracting(RecordedRequest::status)
                .containsExactly(500, 200);
    }

    @Test
    void failsWithTheConnectionErrorWhenNothingListens() {
        try (OssClient refused = OssClient.builder().endpoint("http://127.0.0.1:" + closedPort())
                .credentials(dev.ossflux.core.auth.CredentialsProvider.of(oss.emulator().credentials()))
                .retry(Retry.backoff(2, Duration.ofMillis(10))).build()) {
            StepVerifier.create(refused.putObject(PutObjectRequest.of(BUCKET, "k"), UploadBody.fromString("x")))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ConnectException.class))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void reportsTheStoredObjectWhenTheCallbackServerIsDownSlowOrFailing() {
        DisposableServer failing = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/cb", (request, response) -> request.receive().then(
                        response.status(500).sendString(Mono.just("{\"error\":true}")).then()))).bindNow();
        DisposableServer slow = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/cb", (request, response) -> request.receive().then(Mono.delay(
                        Duration.ofSeconds(3)).then(response.sendString(Mono.just("{}")).then())))).bindNow();
        try {
            for (String url : List.of("http://127.0.0.1:" + closedPort() + "/cb",
                    "http://127.0.0.1:" + slow.port() + "/cb", "http://127.0.0.1:" + failing.port() + "/cb")) {
                PutObjectRequest request = PutObjectRequest.builder(BUCKET, "cb/" + url.hashCode())
                        .callback(Callback.builder(url, "object=${object}").build()).build();
                StepVerifier.create(oss.client().putObject(request, UploadBody.fromString("stored anyway")))
                        .expectErrorSatisfies(error -> assertThat(error).as(url)
                                .isInstanceOfSatisfying(CallbackFailedException.class, failed -> {
                                    assertThat(failed.result().key()).isEqualTo(request.key());
                                    assertThat(failed.result().crc64()).isEqualTo(Crc64.of(
                                            "stored anyway".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                                }))
                        .verify(Duration.ofSeconds(15));
                assertThat(oss.emulator().object(BUCKET, request.key()).orElseThrow().utf8())
                        .isEqualTo("stored anyway");
            }
        } finally {
            failing.disposeNow();
            slow.disposeNow();
        }
    }

    @Test
    void resumesOnAnEmulatorRestartedOnItsDataDirectory() throws Exception {
        Path data = dir.resolve("oss-data");
        byte[] content = random(8 * PART - 5, 4);
        Path file = write(content);
        MultipartOptions resumable = MultipartOptions.builder().partSize(PART).concurrency(1).multipartThreshold(1)
                .checkpointDir(dir.resolve("cp")).build();
        try (OssEmulator first = OssEmulator.builder().bucket(BUCKET).dataDir(data).start();
                OssClient firstClient = first.clientBuilder().retry(Retry.backoff(0, Duration.ofMillis(1))).build()) {
            first.inject(Operation.UPLOAD_PART, Fault.delay(Duration.ofMillis(200)).times(100));
            java.util.concurrent.CountDownLatch threeParts = new java.util.concurrent.CountDownLatch(3);
            PutObjectRequest request = PutObjectRequest.builder(BUCKET, "restart.bin")
                    .progressListener(progress -> {
                        if (progress.completedParts() >= 3) {
                            threeParts.countDown();
                        }
                    }).build();
            Disposable upload = MultipartUploader.create(firstClient, resumable).uploadFile(request, file).subscribe(
                    result -> { }, error -> { });
            assertThat(threeParts.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            upload.dispose();
        }

        try (OssEmulator restarted = OssEmulator.builder().bucket(BUCKET).dataDir(data).start();
                OssClient resumed = restarted.clientBuilder().build()) {
            assertThat(restarted.pendingMultipartUploads(BUCKET)).hasSize(1);
            StepVerifier.create(MultipartUploader.create(resumed, resumable)
                            .uploadFile(PutObjectRequest.of(BUCKET, "restart.bin"), file))
                    .assertNext(result -> assertThat(result.crc64()).isEqualTo(Crc64.of(content)))
                    .expectComplete().verify(Duration.ofSeconds(30));
            assertThat(restarted.object(BUCKET, "restart.bin").orElseThrow().bytes()).isEqualTo(content);
            assertThat(restarted.pendingMultipartUploads(BUCKET)).isEmpty();
        }
    }

    private Path write(byte[] data) throws IOException {
        return Files.write(dir.resolve("data-" + System.nanoTime()), data);
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
