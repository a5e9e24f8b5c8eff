package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.callback.Callback;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

class FaultInjectionIT {

    private static final String BUCKET = "examplebucket";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private OssEmulator oss;
    private OssClient client;

    @BeforeEach
    void start() {
        oss = OssEmulator.builder().bucket(BUCKET).callbackTimeout(Duration.ofMillis(300)).start();
        client = oss.clientBuilder().retry(Retry.backoff(3, Duration.ofMillis(10))).build();
    }

    @AfterEach
    void stop() {
        client.close();
        oss.close();
    }

    @Test
    void resetsTheConnectionMidBodyAndStoresNothingUntilTheRetry() throws InterruptedException {
        oss.inject(Operation.UPLOAD_PART, Fault.resetAfterBytes(1000));
        MultipartUpload upload = client.initiateMultipartUpload(PutObjectRequest.of(BUCKET, "reset.bin")).block(WAIT);

        StepVerifier.create(client.uploadPart(upload, 1, UploadBody.fromBytes(new byte[200 * 1024])))
                .assertNext(part -> assertThat(part.size()).isEqualTo(200 * 1024))
                .expectComplete()
                .verify(WAIT);

        List<RecordedRequest> parts = Requests.take(oss, Operation.UPLOAD_PART, 2);
        assertThat(parts).extracting(RecordedRequest::status).containsExactly(0, 200);
        assertThat(parts.get(0).bodySize()).isLessThanOrEqualTo(1000);
        assertThat(parts.get(1).partNumber()).hasValue(1);
        assertThat(parts.get(1).uploadId()).contains(upload.uploadId());
        assertThat(oss.pendingMultipartUploads(BUCKET).get(0).parts()).hasSize(1);
    }

    @Test
    void delaysRequestsSoConcurrentPartsVisiblyOverlap() throws InterruptedException {
        oss.inject(Operation.UPLOAD_PART, Fault.delay(Duration.ofMillis(300)).times(3));
        MultipartUpload upload = client.initiateMultipartUpload(PutObjectRequest.of(BUCKET, "overlap.bin")).block(WAIT);

        StepVerifier.create(Flux.range(1, 3)
                        .flatMap(n -> client.uploadPart(upload, n, UploadBody.fromBytes(new byte[1024])), 3))
                .expectNextCount(3)
                .expectComplete()
                .verify(WAIT);

        List<RecordedRequest> parts = Requests.take(oss, Operation.UPLOAD_PART, 3);
        assertThat(parts.get(0).overlaps(parts.get(1))).isTrue();
        assertThat(parts.get(1).overlaps(parts.get(2))).isTrue();
    }

    @Test
    void aSlowCallbackPastTheTimeoutBecomesCallbackFailed() {
        oss.inject(Operation.PUT_OBJECT, Fault.callbackDelay(Duration.ofSeconds(2)));
        Callback callback = Callback.builder("http://127.0.0.1:9/unused", "object=${object}").build();

        StepVerifier.create(client.putObject(PutObjectRequest.builder(BUCKET, "slow.txt").callback(callback).build(),
                        UploadBody.fromString("x")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CallbackFailedException.class,
                        failed -> assertThat(failed.getMessage()).contains("timed out")))
                .verify(WAIT);
        assertThat(oss.object(BUCKET, "slow.txt")).isPresent();
    }

    @Test
    void takeRequestReturnsRequestsInOrderAndNullWhenNoneArrives() throws InterruptedException {
        client.putObject(PutObjectRequest.of(BUCKET, "log.txt"), UploadBody.fromString("12345")).block(WAIT);

        RecordedRequest put = oss.takeRequest(Duration.ofSeconds(5));
        assertThat(put.operation()).isEqualTo(Operation.PUT_OBJECT);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/examplebucket/log.txt");
        assertThat(put.bodySize()).isEqualTo(5);
        assertThat(put.header("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith("OSS4-HMAC-SHA256"));
        assertThat(put.completedAt()).isAfterOrEqualTo(put.arrivedAt());
        assertThat(oss.takeRequest(Duration.ofMillis(50))).isNull();
    }
}
