package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.CallbackOutcomeUnknownException;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.callback.Callback;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/**
 * Faults that strike after a request took effect, and the callback count that tells how often the
 * application was called. The client never retries here, so every request the emulator saw was sent once; a
 * lost answer to an upload with a callback ends as {@link CallbackOutcomeUnknownException}.
 */
class ResponseFaultsIT {

    private static final String BUCKET = "examplebucket";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private OssEmulator oss;
    private CallbackReceiver receiver;
    private OssClient client;

    @BeforeEach
    void start() {
        oss = OssEmulator.builder().bucket(BUCKET).start();
        receiver = new CallbackReceiver(oss.endpoint() + "/");
        client = oss.clientBuilder().retry(Retry.backoff(0, Duration.ofMillis(10)))
                .responseTimeout(Duration.ofSeconds(3)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        receiver.close();
        oss.close();
    }

    @Test
    void losesTheResponseOnlyAfterStoringTheObjectAndCallingBack() throws InterruptedException {
        oss.inject(Operation.PUT_OBJECT, Fault.loseResponse());

        StepVerifier.create(client.putObject(withCallback("lost.txt"), UploadBody.fromString("stored")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CallbackOutcomeUnknownException.class)
                        .hasCauseInstanceOf(IOException.class))
                .verify(WAIT);

        assertThat(oss.object(BUCKET, "lost.txt")).map(StoredObject::utf8).contains("stored");
        assertThat(receiver.take().body()).contains("object=lost.txt");
        assertThat(oss.callbackCount(BUCKET, "lost.txt")).isEqualTo(1);
        assertThat(Requests.take(oss, Operation.PUT_OBJECT, 1).get(0).status()).isZero();
    }

    @Test
    void answersPastTheClientsTimeoutAfterStoringTheObjectAndCallingBack() throws InterruptedException {
        oss.inject(Operation.PUT_OBJECT, Fault.delayResponse(Duration.ofSeconds(4)));

        StepVerifier.create(client.putObject(withCallback("late.txt"), UploadBody.fromString("stored")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CallbackOutcomeUnknownException.class)
                        .hasCauseInstanceOf(ReadTimeoutException.class))
                .verify(WAIT);

        assertThat(oss.object(BUCKET, "late.txt")).map(StoredObject::utf8).contains("stored");
        assertThat(receiver.take().body()).contains("object=late.txt");
        assertThat(oss.callbackCount(BUCKET, "late.txt")).isEqualTo(1);
        assertThat(Requests.take(oss, Operation.PUT_OBJECT, 1).get(0).status())
                .as("no answer reached the client, which closed the connection").isZero();
    }

    @Test
    void keepsTheBytesOfAnObjectInItsDataDirectoryWhenTheClientGivesUpOnTheLateAnswer(@TempDir Path dir) {
        try (OssEmulator stored = OssEmulator.builder().bucket(BUCKET).dataDir(dir).start();
                OssClient impatient = stored.clientBuilder().retry(Retry.backoff(0, Duration.ofMillis(10)))
                        .responseTimeout(Duration.ofMillis(300)).build()) {
            stored.inject(Operation.PUT_OBJECT, Fault.delayResponse(Duration.ofSeconds(1)));
            byte[] data = new byte[64 * 1024];
            new java.util.Random(3).nextBytes(data);

            StepVerifier.create(impatient.putObject(PutObjectRequest.of(BUCKET, "kept.bin"), UploadBody.fromBytes(data)))
                    .expectError(ReadTimeoutException.class)
                    .verify(WAIT);

            Requests.take(stored, Operation.PUT_OBJECT, 1);
            assertThat(stored.object(BUCKET, "kept.bin").orElseThrow().bytes()).isEqualTo(data);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void answersLateToAClientThatWaits() throws InterruptedException {
        oss.inject(Operation.PUT_OBJECT, Fault.delayResponse(Duration.ofMillis(500)));

        StepVerifier.create(client.putObject(PutObjectRequest.of(BUCKET, "slow.txt"), UploadBody.fromString("x")))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);

        RecordedRequest put = Requests.take(oss, Operation.PUT_OBJECT, 1).get(0);
        assertThat(put.status()).isEqualTo(200);
        assertThat(Duration.between(put.arrivedAt(), put.completedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void losesTheResponseOfACompletionAfterCallingBack() {
        MultipartUpload upload = client.initiateMultipartUpload(PutObjectRequest.of(BUCKET, "parts.bin")).block(WAIT);
        UploadedPart part = client.uploadPart(upload, 1, UploadBody.fromBytes(new byte[1024])).block(WAIT);
        oss.inject(Operation.COMPLETE_MULTIPART_UPLOAD, Fault.loseResponse());

        StepVerifier.create(client.completeMultipartUpload(upload, List.of(part), callback()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CallbackOutcomeUnknownException.class)
                        .hasCauseInstanceOf(IOException.class))
                .verify(WAIT);

        assertThat(oss.object(BUCKET, "parts.bin")).hasValueSatisfying(o -> assertThat(o.size()).isEqualTo(1024));
        assertThat(oss.pendingMultipartUploads(BUCKET)).isEmpty();
        assertThat(oss.callbackCount(BUCKET, "parts.bin")).isEqualTo(1);
    }

    @Test
    void losesOrDelaysAnyResponseWithoutChangingWhatTheRequestDid() {
        client.putObject(PutObjectRequest.of(BUCKET, "gone.txt"), UploadBody.fromString("x")).block(WAIT);
        oss.inject(Operation.DELETE_OBJECT, Fault.loseResponse());
        oss.inject(Operation.HEAD_OBJECT, Fault.delayResponse(Duration.ofSeconds(4)));

        StepVerifier.create(client.deleteObject(BUCKET, "gone.txt")).expectError(IOException.class).verify(WAIT);
        assertThat(oss.object(BUCKET, "gone.txt")).isEmpty();
        StepVerifier.create(client.headObject(BUCKET, "gone.txt"))
                .expectError(ReadTimeoutException.class)
                .verify(WAIT);
    }

    @Test
    void countsTheCallbackRequestsSentForEachObject() {
        receiver.answer(500, "{}");
        Callback twoUrls = Callback.builder(receiver.url("/first"), "object=${object}")
                .url(receiver.url("/second")).build();
        PutObjectRequest request = PutObjectRequest.builder(BUCKET, "counted.txt").callback(twoUrls).build();

        for (int upload = 0; upload < 2; upload++) {
            StepVerifier.create(client.putObject(request, UploadBody.fromString("x")))
                    .expectError(CallbackFailedException.class)
                    .verify(WAIT);
        }
        oss.inject(Fault.callbackStatus(500));
        StepVerifier.create(client.putObject(request, UploadBody.fromString("x")))
                .expectError(CallbackFailedException.class)
                .verify(WAIT);

        assertThat(oss.callbackCount(BUCKET, "counted.txt")).isEqualTo(4);
        assertThat(oss.callbackCount(BUCKET, "other.txt")).isZero();
    }

    private PutObjectRequest withCallback(String key) {
        return PutObjectRequest.builder(BUCKET, key).callback(callback()).build();
    }

    private Callback callback() {
        return Callback.builder(receiver.url("/oss/callback"), "object=${object}").build();
    }
}
