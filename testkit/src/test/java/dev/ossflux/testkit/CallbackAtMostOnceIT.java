package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.CallbackOutcomeUnknownException;
import dev.ossflux.core.Crc64;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.callback.Callback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * With its default retries on, the client makes OSS call back at most once per upload call: a response
 * lost after OSS stored the object and called back ends in {@link CallbackOutcomeUnknownException}
 * carrying the stored object, never in a resend; a connection lost before the body was complete is
 * resent, and the one stored request calls back once.
 */
class CallbackAtMostOnceIT {

    private static final String BUCKET = "examplebucket";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BODY = "stored once";

    private OssEmulator oss;
    private CallbackReceiver receiver;
    private OssClient client;

    @BeforeEach
    void start() {
        oss = OssEmulator.builder().bucket(BUCKET).start();
        receiver = new CallbackReceiver(oss.endpoint() + "/");
        client = oss.clientBuilder().responseTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        receiver.close();
        oss.close();
    }

    private PutObjectRequest withCallback(String key) {
        return PutObjectRequest.builder(BUCKET, key)
                .callback(Callback.builder(receiver.url("/oss/callback"), "object=${object}").build()).build();
    }

    private void assertUnknownWithTheStoredObject(Throwable error, String key) {
        StoredObject stored = oss.object(BUCKET, key).orElseThrow();
        assertThat(error).isInstanceOfSatisfying(CallbackOutcomeUnknownException.class, unknown -> {
            UploadResult result = unknown.result().orElseThrow();
            assertThat(result.etag()).isEqualTo(stored.etag());
            assertThat(result.crc64()).isEqualTo(stored.crc64()).isEqualTo(Crc64.of(stored.bytes()));
            assertThat(result.callbackReply()).isEmpty();
        });
    }

    @Test
    void neverResendsAPutWhoseResponseWasLostAfterTheCallback() throws InterruptedException {
        oss.inject(Operation.PUT_OBJECT, Fault.loseResponse());

        StepVerifier.create(client.putObject(withCallback("lost.txt"), UploadBody.fromString(BODY)))
                .expectErrorSatisfies(error -> assertUnknownWithTheStoredObject(error, "lost.txt"))
                .verify(WAIT);

        assertThat(oss.callbackCount(BUCKET, "lost.txt")).as("callbacks made").isEqualTo(1);
        assertThat(Requests.take(oss, Operation.HEAD_OBJECT, 1)).hasSize(1);
        assertThat(oss.requests().stream().filter(r -> r.operation() == Operation.PUT_OBJECT)).hasSize(1);
    }

    @Test
    void neverResendsAPutAnsweredAfterTheClientsTimeout() throws InterruptedException {
        oss.inject(Operation.PUT_OBJECT, Fault.delayResponse(Duration.ofSeconds(4)));

        StepVerifier.create(client.putObject(withCallback("late.txt"), UploadBody.fromString(BODY)))
                .expectErrorSatisfies(error -> assertUnknownWithTheStoredObject(error, "late.txt"))
                .verify(WAIT);

        Requests.take(oss, Operation.PUT_OBJECT, 1);
        assertThat(oss.callbackCount(BUCKET, "late.txt")).isEqualTo(1);
        assertThat(oss.requests().stream().filter(r -> r.operation() == Operation.PUT_OBJECT)).hasSize(1);
    }

    @Test
    void resendsAPutCutOffMidBodyAndCallsBackOnce() throws InterruptedException {
        byte[] data = new byte[256 * 1024];
        new Random(7).nextBytes(data);
        oss.inject(Operation.PUT_OBJECT, Fault.resetAfterBytes(64 * 1024));

        StepVerifier.create(client.putObject(withCallback("reset.bin"), UploadBody.fromBytes(data)))
                .assertNext(result -> assertThat(result.callbackReply()).isPresent())
                .expectComplete()
                .verify(WAIT);

        assertThat(oss.object(BUCKET, "reset.bin").orElseThrow().bytes()).isEqualTo(data);
        assertThat(oss.callbackCount(BUCKET, "reset.bin")).isEqualTo(1);
        assertThat(receiver.take().body()).contains("object=reset.bin");
    }

    @Test
    void neverResendsACompleteWhoseResponseWasLostAfterTheCallback() {
        MultipartUpload upload = client.initiateMultipartUpload(PutObjectRequest.of(BUCKET, "parts.bin")).block(WAIT);
        UploadedPart part = client.uploadPart(upload, 1, UploadBody.fromString(BODY)).block(WAIT);
        oss.inject(Operation.COMPLETE_MULTIPART_UPLOAD, Fault.loseResponse());

        StepVerifier.create(client.completeMultipartUpload(upload, List.of(part),
                        Callback.builder(receiver.url("/oss/callback"), "object=${object}").build()))
                .expectErrorSatisfies(error -> assertUnknownWithTheStoredObject(error, "parts.bin"))
                .verify(WAIT);

        assertThat(oss.object(BUCKET, "parts.bin").orElseThrow().bytes())
                .isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(oss.callbackCount(BUCKET, "parts.bin")).isEqualTo(1);
        assertThat(oss.requests().stream().filter(r -> r.operation() == Operation.COMPLETE_MULTIPART_UPLOAD))
                .hasSize(1);
    }
}
