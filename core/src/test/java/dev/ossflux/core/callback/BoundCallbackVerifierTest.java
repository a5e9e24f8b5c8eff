package dev.ossflux.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A verifier with a binding, fed requests signed as OSS signs them (the test key, pinned). */
class BoundCallbackVerifierTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String OURS = "examplebucket";
    private static final String KEY = "uploads/cat.jpg";
    private static final String KEY_URL = "https://gosspublic.alicdn.com/callback_pub_key_v1.pem";

    private final CallbackBinding binding = CallbackBinding.random();
    private final CallbackVerifier verifier = verifier(Callback.BodyType.FORM).binding(binding).build();
    private final Callback form = Callback.builder("https://app.example.com/oss/cb",
            "bucket=${bucket}&object=${object}&size=${size}").build();
    private final Callback json = Callback.builder("https://app.example.com/oss/cb",
            "{\"bucket\":${bucket},\"object\":${object}}").bodyType(Callback.BodyType.JSON).build();

    @Test
    void acceptsABoundCallbackOnceAndRefusesItsReplay() {
        CallbackRequest delivered = OssDelivery.of(binding.bind(form, OURS, KEY), OURS, KEY, KEY_URL).build();
        StepVerifier.create(verifier.verify(delivered))
                .assertNext(callback -> {
                    assertThat(callback.variable("object")).contains(KEY);
                    assertThat(callback.variable(CallbackBinding.OBJECT_FIELD)).contains(KEY);
                    assertThat(callback.variable(CallbackBinding.NONCE_FIELD)).isNotEmpty();
                })
                .expectComplete().verify(WAIT);
        assertFails(verifier, delivered, Reason.REPLAYED);
    }

    @Test
    void acceptsABoundJsonCallbackWithAJsonVerifier() {
        CallbackVerifier jsonVerifier = verifier(Callback.BodyType.JSON).binding(binding).build();
        CallbackRequest delivered = OssDelivery.of(binding.bind(json, OURS, "dir/a \"b\".txt"), OURS,
                "dir/a \"b\".txt", KEY_URL).build();
        StepVerifier.create(jsonVerifier.verify(delivered))
                .assertNext(callback -> assertThat(callback.variable("object")).contains("dir/a \"b\".txt"))
                .expectComplete().verify(WAIT);
    }

    @Test
    void refusesAnUnboundCallbackAndOneBoundByAnotherSecret() {
        assertFails(verifier, OssDelivery.of(form, OURS, KEY, KEY_URL).build(), Reason.BINDING_MISSING);
        Callback theirs = CallbackBinding.random().bind(form, OURS, KEY);
        assertFails(verifier, OssDelivery.of(theirs, OURS, KEY, KEY_URL).build(), Reason.BINDING_MISMATCH);
    }

    @Test
    void refusesAConstantBodyNamingOurBucketFromSomeoneElsesUpload() {
        Map<String, String> ours = binding.bind(form, OURS, KEY).variables();
        String forged = "bucket=" + OURS + "&object=uploads%2Fcat.jpg&size=10&ossflux_bucket=" + OURS
                + "&ossflux_object=uploads%2Fcat.jpg&ossflux_expires=" + ours.get(CallbackBinding.EXPIRES_VARIABLE)
                + "&ossflux_nonce=fresh-nonce&ossflux_mac=" + ours.get(CallbackBinding.MAC_VARIABLE);
        assertFails(verifier, OssDelivery.signed(forged, Callback.BodyType.FORM, KEY_URL).build(),
                Reason.BINDING_MISMATCH);
        String noMac = "bucket=" + OURS + "&object=uploads%2Fcat.jpg&size=10";
        assertFails(verifier, OssDelivery.signed(noMac, Callback.BodyType.FORM, KEY_URL).build(),
                Reason.BINDING_MISSING);
    }

    @Test
    void refusesABindingMadeForAnotherObjectOrBucket() {
        Callback forOtherKey = binding.bind(form, OURS, "uploads/dog.jpg");
        assertFails(verifier, OssDelivery.of(forOtherKey, OURS, KEY, KEY_URL).build(), Reason.BINDING_MISMATCH);
        Callback forUs = binding.bind(form, OURS, KEY);
        assertFails(verifier, OssDelivery.of(forUs, "attacker-bucket", KEY, KEY_URL).build(),
                Reason.BINDING_MISMATCH);
    }

    @Test
    void refusesABodyWhoseOwnObjectFieldDiffersFromTheBoundOne() {
        Callback bound = binding.bind(Callback.builder("https://app.example.com/oss/cb", "object=other.jpg").build(),
                OURS, KEY);
        assertFails(verifier, OssDelivery.of(bound, OURS, KEY, KEY_URL).build(), Reason.BINDING_MISMATCH);
    }

    @Test
    void refusesAnExpiredBinding() {
        CallbackBinding yesterday = binding.withClock(Clock.fixed(Instant.now().minus(Duration.ofDays(1)),
                ZoneOffset.UTC));
        assertFails(verifier, OssDelivery.of(yesterday.bind(form, OURS, KEY), OURS, KEY, KEY_URL).build(),
                Reason.BINDING_EXPIRED);
    }

    @Test
    void refusesAJsonBodyWhoseContentTypeWasSwitchedToForm() {
        CallbackRequest switched = OssDelivery.of(binding.bind(json, OURS, KEY), OURS, KEY, KEY_URL)
                .contentType(Callback.BodyType.FORM.mediaType()).build();
        assertFails(verifier(Callback.BodyType.JSON).binding(binding).build(), switched,
                Reason.UNEXPECTED_BODY_TYPE);
        assertFails(verifier, switched, Reason.BINDING_MISSING);
    }

    @Test
    void refusesAFormBindingCopiedIntoAJsonBody() {
        Map<String, String> formVariables = binding.bind(form, OURS, KEY).variables();
        String copied = "{\"ossflux_bucket\":\"" + OURS + "\",\"ossflux_object\":\"" + KEY + "\","
                + formVariables.entrySet().stream()
                        .map(e -> "\"" + e.getKey().substring(2) + "\":\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",")) + "}";
        assertFails(verifier(Callback.BodyType.JSON).binding(binding).build(),
                OssDelivery.signed(copied, Callback.BodyType.JSON, KEY_URL).build(), Reason.BINDING_MISMATCH);
    }

    @Test
    void checksTheOssSignatureBeforeTheBinding() {
        CallbackRequest delivered = OssDelivery.of(binding.bind(form, OURS, KEY), OURS, KEY, KEY_URL).build();
        CallbackRequest tampered = CallbackRequest.builder(delivered.path())
                .authorization(delivered.authorization().orElseThrow())
                .publicKeyUrl(delivered.publicKeyUrl().orElseThrow())
                .body((new String(delivered.body(), StandardCharsets.UTF_8) + "&x=1").getBytes(StandardCharsets.UTF_8))
                .build();
        assertFails(verifier, tampered, Reason.BAD_SIGNATURE);
        StepVerifier.create(verifier.verify(delivered)).expectNextCount(1).expectComplete().verify(WAIT);
    }

    @Test
    void refusesWhenTheNonceStoreFailsOrIsFull() {
        CallbackVerifier broken = verifier(Callback.BodyType.FORM).binding(binding)
                .nonceStore((nonce, expiresAt) -> Mono.error(new IllegalStateException("redis is down"))).build();
        assertFails(broken, OssDelivery.of(binding.bind(form, OURS, KEY), OURS, KEY, KEY_URL).build(),
                Reason.REPLAY_CHECK_UNAVAILABLE);
        CallbackVerifier small = verifier(Callback.BodyType.FORM).binding(binding).nonceStore(NonceStore.inMemory(1))
                .build();
        StepVerifier.create(small.verify(OssDelivery.of(binding.bind(form, OURS, KEY), OURS, KEY, KEY_URL).build()))
                .expectNextCount(1).expectComplete().verify(WAIT);
        assertFails(small, OssDelivery.of(binding.bind(form, OURS, KEY), OURS, KEY, KEY_URL).build(),
                Reason.REPLAY_CHECK_UNAVAILABLE);
    }

    @Test
    void recordsANonceOnlyOnceEveryOtherCheckPassed() {
        Callback bound = binding.bind(form, OURS, KEY);
        assertFails(verifier, OssDelivery.of(bound, "attacker-bucket", KEY, KEY_URL).build(),
                Reason.BINDING_MISMATCH);
        StepVerifier.create(verifier.verify(OssDelivery.of(bound, OURS, KEY, KEY_URL).build()))
                .expectNextCount(1).expectComplete().verify(WAIT);
    }

    @Test
    void neverRevealsTheSecretInDescriptionsOrRefusals() {
        String secret = "the-binding-secret-nobody-may-see-" + System.nanoTime();
        CallbackBinding own = CallbackBinding.of(secret);
        CallbackVerifier strict = verifier(Callback.BodyType.FORM).binding(own).build();
        Callback bound = own.bind(form, OURS, KEY);
        List<String> texts = new ArrayList<>(List.of(own.toString(), strict.toString(), bound.toString(),
                bound.headerValue(), bound.variablesHeaderValue().orElseThrow()));
        CallbackRequest delivered = OssDelivery.of(bound, OURS, KEY, KEY_URL).build();
        for (CallbackRequest request : List.of(delivered, delivered, OssDelivery.of(form, OURS, KEY, KEY_URL).build(),
                OssDelivery.of(bound, "attacker-bucket", KEY, KEY_URL).build())) {
            strict.verify(request).onErrorResume(e -> {
                texts.add(e.toString());
                texts.add(Arrays.toString(e.getStackTrace()));
                return Mono.empty();
            }).block(WAIT);
        }
        assertThatThrownBy(() -> own.bind(bound, OURS, KEY)).satisfies(e -> texts.add(e.toString()));
        assertThat(texts).hasSizeGreaterThan(8)
                .allSatisfy(text -> assertThat(text).doesNotContain(secret)
                        .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))));
    }

    private static CallbackVerifier.Builder verifier(Callback.BodyType type) {
        return CallbackVerifier.builder().publicKeyPem(CallbackVectors.PUBLIC_KEY_PEM).bodyType(type);
    }

    private static void assertFails(CallbackVerifier verifier, CallbackRequest request, Reason reason) {
        StepVerifier.create(verifier.verify(request))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CallbackVerificationException.class,
                        failed -> assertThat(failed.reason()).as(failed.getMessage()).isEqualTo(reason)))
                .verify(WAIT);
    }
}
