package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.callback.CallbackBinding;
import dev.ossflux.core.callback.CallbackRequest;
import dev.ossflux.core.callback.CallbackVerifier;
import io.netty.buffer.Unpooled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/**
 * Callbacks bound to the application, end to end: the emulator stores and calls back, ossflux's verifier
 * judges. A second account with its own bucket plays the attacker who points its uploads' callbacks at us.
 */
class CallbackBindingIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String OURS = "ourbucket";
    private static final String THEIRS = "attacker-bucket";
    private static final String KEY = "uploads/cat.jpg";
    private static final String BODY = "bucket=${bucket}&object=${object}&size=${size}";

    private final CallbackBinding binding = CallbackBinding.random();
    private OssEmulator oss;
    private VerifyingReceiver receiver;
    private OssClient client;
    private OssClient attacker;

    @BeforeEach
    void start() {
        oss = OssEmulator.builder().bucket(OURS).bucket(THEIRS)
                .credentials(OssEmulator.DEFAULT_ACCESS_KEY_ID, OssEmulator.DEFAULT_ACCESS_KEY_SECRET)
                .credentials("attacker-key", "attacker-secret")
                .callbackTimeout(Duration.ofSeconds(2)).start();
        receiver = new VerifyingReceiver(verifier(Callback.BodyType.FORM));
        client = oss.clientBuilder().build();
        attacker = OssClient.builder().endpoint(oss.endpoint()).region(oss.region())
                .credentials(CredentialsProvider.of("attacker-key", "attacker-secret")).build();
    }

    @AfterEach
    void stop() {
        client.close();
        attacker.close();
        receiver.close();
        oss.close();
    }

    @Test
    void acceptsOurBoundPutObjectAndCompleteCallbacks() throws InterruptedException {
        StepVerifier.create(client.putObject(request(OURS, KEY, bound(KEY)), UploadBody.fromString("meow")))
                .assertNext(result -> assertThat(result.callbackReply().orElseThrow().text()).contains("OK"))
                .expectComplete().verify(WAIT);
        assertThat(receiver.take().verdict()).isEqualTo("OK");

        String big = "uploads/big.bin";
        Mono<UploadResult> multipart = client.initiateMultipartUpload(PutObjectRequest.of(OURS, big))
                .flatMap(upload -> client.uploadPart(upload, 1, UploadBody.fromBytes(new byte[100 * 1024]))
                        .flatMap(part -> complete(upload, part, bound(big))));
        StepVerifier.create(multipart)
                .assertNext(result -> assertThat(result.callbackReply().orElseThrow().text()).contains("OK"))
                .expectComplete().verify(WAIT);
        assertThat(receiver.take().verdict()).isEqualTo("OK");
    }

    @Test
    void refusesAnAttackersUploadWhoseConstantBodyNamesOurBucketAndObject() throws InterruptedException {
        Map<String, String> leaked = bound(KEY).variables();
        String constants = "bucket=" + OURS + "&object=uploads%2Fcat.jpg&size=4&ossflux_bucket=" + OURS
                + "&ossflux_object=uploads%2Fcat.jpg&ossflux_expires=" + leaked.get(CallbackBinding.EXPIRES_VARIABLE)
                + "&ossflux_nonce=n0nce&ossflux_mac=" + leaked.get(CallbackBinding.MAC_VARIABLE);
        assertRefusedFromTheirAccount(Callback.builder(receiver.url(), constants).build(), "BINDING_MISMATCH");
        assertRefusedFromTheirAccount(Callback.builder(receiver.url(), "bucket=" + OURS + "&object=" + KEY).build(),
                "BINDING_MISSING");
        assertRefusedFromTheirAccount(bound(KEY), "BINDING_MISMATCH");
    }

    @Test
    void refusesTheSameCallbackReplayed() throws InterruptedException {
        StepVerifier.create(client.putObject(request(OURS, KEY, bound(KEY)), UploadBody.fromString("meow")))
                .expectNextCount(1).expectComplete().verify(WAIT);
        CallbackRequest delivered = receiver.take().request();
        assertThat(resend(receiver, delivered, delivered.contentType().orElseThrow())).isEqualTo(400);
        assertThat(receiver.take().verdict()).isEqualTo("REPLAYED");
    }

    @Test
    void refusesAnExpiredBinding() throws InterruptedException {
        CallbackBinding yesterday = binding.withClock(Clock.fixed(Instant.now().minus(Duration.ofDays(1)),
                ZoneOffset.UTC));
        Callback expired = yesterday.bind(Callback.builder(receiver.url(), BODY).build(), OURS, KEY);
        StepVerifier.create(client.putObject(request(OURS, KEY, expired), UploadBody.fromString("meow")))
                .expectError(CallbackFailedException.class)
                .verify(WAIT);
        assertThat(receiver.take().verdict()).isEqualTo("BINDING_EXPIRED");
    }

    @Test
    void refusesABoundJsonCallbackWhoseContentTypeWasSwitchedToForm() throws InterruptedException {
        try (VerifyingReceiver json = new VerifyingReceiver(verifier(Callback.BodyType.JSON))) {
            Callback callback = binding.bind(Callback.builder(json.url(), "{\"object\":${object},\"size\":${size}}")
                    .bodyType(Callback.BodyType.JSON).build(), OURS, KEY);
            StepVerifier.create(client.putObject(request(OURS, KEY, callback), UploadBody.fromString("meow")))
                    .expectNextCount(1).expectComplete().verify(WAIT);
            CallbackRequest delivered = json.take().request();
            assertThat(delivered.contentType()).contains(Callback.BodyType.JSON.mediaType());
            resend(json, delivered, Callback.BodyType.FORM.mediaType());
            assertThat(json.take().verdict()).isEqualTo("UNEXPECTED_BODY_TYPE");
            resend(receiver, delivered, Callback.BodyType.FORM.mediaType());
            assertThat(receiver.take().verdict()).isEqualTo("BINDING_MISSING");
        }
    }

    private void assertRefusedFromTheirAccount(Callback callback, String reason) throws InterruptedException {
        StepVerifier.create(attacker.putObject(request(THEIRS, KEY, callback), UploadBody.fromString("evil")))
                .expectError(CallbackFailedException.class)
                .verify(WAIT);
        assertThat(receiver.take().verdict()).isEqualTo(reason);
    }

    /** Sends {@code request} to {@code to} again, as someone who captured it would; returns the status. */
    private static int resend(VerifyingReceiver to, CallbackRequest request, String contentType) {
        return HttpClient.newConnection()
                .headers(headers -> headers.set(CallbackRequest.AUTHORIZATION, request.authorization().orElseThrow())
                        .set(CallbackRequest.PUBLIC_KEY_URL, request.publicKeyUrl().orElseThrow())
                        .set("Content-Type", contentType))
                .post().uri(to.url())
                .send(Mono.just(Unpooled.wrappedBuffer(request.body())))
                .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                .block(WAIT);
    }

    private Callback bound(String key) {
        return binding.bind(Callback.builder(receiver.url(), BODY).build(), OURS, key);
    }

    private Mono<UploadResult> complete(MultipartUpload upload, UploadedPart part, Callback callback) {
        return client.completeMultipartUpload(upload, List.of(part), callback);
    }

    private static PutObjectRequest request(String bucket, String key, Callback callback) {
        return PutObjectRequest.builder(bucket, key).callback(callback).build();
    }

    private CallbackVerifier verifier(Callback.BodyType type) {
        return CallbackVerifier.builder().trustedKeyUrlPrefixes(List.of(oss.endpoint() + "/")).bodyType(type)
                .binding(binding).build();
    }
}
