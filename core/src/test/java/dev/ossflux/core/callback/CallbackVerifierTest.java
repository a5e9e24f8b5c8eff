package dev.ossflux.core.callback;

import static dev.ossflux.core.callback.CallbackVectors.AUTHORIZATION;
import static dev.ossflux.core.callback.CallbackVectors.BODY;
import static dev.ossflux.core.callback.CallbackVectors.base64;
import static dev.ossflux.core.callback.CallbackVectors.request;
import static dev.ossflux.core.callback.CallbackVectors.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

class CallbackVerifierTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final KeyServer keys = new KeyServer();
    private final CallbackVerifier verifier = trusting(keys).build();

    @AfterEach
    void stopKeyServer() {
        keys.close();
    }

    @Test
    void verifiesTheProtocolVectorWithTheKeyFromATrustedServer() {
        StepVerifier.create(verifier.verify(request(keys.url("key.pem")).build()))
                .assertNext(callback -> {
                    assertThat(callback.bodyType()).isEqualTo(Callback.BodyType.FORM);
                    assertThat(callback.text()).isEqualTo(BODY);
                    assertThat(callback.variable("object")).contains("exampledir/exampleobject.txt");
                    assertThat(callback.variable("mimeType")).contains("text/plain");
                    assertThat(callback.variables()).containsKeys("bucket", "etag", "size", "crc64", "uid");
                })
                .expectComplete().verify(WAIT);
        assertThat(keys.requests()).isEqualTo(1);
    }

    @Test
    void verifiesTheProtocolVectorAsSentWithAPinnedKeyWithoutFetching() {
        CallbackVerifier pinned = CallbackVerifier.builder().publicKeyPem(CallbackVectors.PUBLIC_KEY_PEM).build();
        CallbackRequest asSent = request("unused").publicKeyUrl(CallbackVectors.OSS_KEY_URL).build();
        StepVerifier.create(pinned.verify(asSent))
                .assertNext(callback -> assertThat(callback.variable("uid")).contains("42"))
                .expectComplete().verify(WAIT);
        StepVerifier.create(pinned.verify(request("unused").publicKeyUrl(null).build()))
                .expectNextCount(1)
                .expectComplete().verify(WAIT);
    }

    @Test
    void rejectsATamperedBody() {
        byte[] tampered = BODY.replace("size=10", "size=11").getBytes(StandardCharsets.UTF_8);
        assertFails(request(keys.url("key.pem")).body(tampered).build(), Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsATamperedPath() {
        assertFails(CallbackRequest.builder("/oss/cb2").query(CallbackVectors.QUERY)
                .authorization(AUTHORIZATION).publicKeyUrl(base64(keys.url("key.pem")))
                .body(BODY.getBytes(StandardCharsets.UTF_8)).build(), Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsATamperedOrMissingQuery() {
        assertFails(request(keys.url("key.pem")).query("src=evil").build(), Reason.BAD_SIGNATURE);
        assertFails(request(keys.url("key.pem")).query(null).build(), Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsAValidSignatureMadeForAnotherPath() {
        String forAdmin = sign("/admin/cb?src=oss\n" + BODY);
        assertFails(request(keys.url("key.pem")).authorization(forAdmin).build(), Reason.BAD_SIGNATURE);
        StepVerifier.create(verifier.verify(CallbackRequest.builder("/admin/cb").query("src=oss")
                        .authorization(forAdmin).publicKeyUrl(base64(keys.url("key.pem")))
                        .body(BODY.getBytes(StandardCharsets.UTF_8)).build()))
                .expectNextCount(1)
                .expectComplete().verify(WAIT);
    }

    @Test
    void rejectsASignatureOfTheWrongLength() {
        assertFails(request(keys.url("key.pem")).authorization(base64("short")).build(), Reason.BAD_SIGNATURE);
    }

    @Test
    void signsThePathWithItsEscapesDecodedAndTheQueryAsSent() {
        String body = "{\"object\":\"a b\"}";
        String authorization = sign("/回调/a+b c?name=%E5%9B%9E&x=a+b\n" + body);
        CallbackRequest request = CallbackRequest.builder("/%E5%9B%9E%E8%B0%83/a+b%20c").query("name=%E5%9B%9E&x=a+b")
                .authorization(authorization).publicKeyUrl(base64(keys.url("key.pem")))
                .contentType("application/json; charset=utf-8").body(body.getBytes(StandardCharsets.UTF_8)).build();
        StepVerifier.create(trusting(keys).bodyType(Callback.BodyType.JSON).build().verify(request))
                .assertNext(callback -> assertThat(callback.variable("object")).contains("a b"))
                .expectComplete().verify(WAIT);
    }

    @Test
    void neverContactsAnUntrustedKeyUrl() {
        try (KeyServer evil = new KeyServer()) {
            for (String url : List.of(evil.url("key.pem"), "https://evil.example.com/key.pem",
                    "https://gosspublic.alicdn.com.evil.com/callback_pub_key_v1.pem",
                    "http://evil.com/?https://gosspublic.alicdn.com/", keys.url("../key.pem"),
                    "http://127.0.0.1:" + keys.port() + "@127.0.0.1:" + evil.port() + "/key.pem")) {
                assertFails(request(url).build(), Reason.UNTRUSTED_PUBLIC_KEY_URL);
            }
            assertThat(evil.requests()).isZero();
            assertThat(keys.requests()).isZero();
        }
    }

    @Test
    void trustsOnlyTheOssKeyUrlByDefault() {
        assertFails(CallbackVerifier.builder().build(), request(keys.url("key.pem")).build(),
                Reason.UNTRUSTED_PUBLIC_KEY_URL);
        try (ProxyRecorder proxy = new ProxyRecorder()) {
            CallbackVerifier oss = CallbackVerifier.builder().httpClient(proxy.client()).build();
            for (int i = 0; i < 1000; i++) {
                assertFails(oss, request("https://gosspublic.alicdn.com/key-" + i + ".pem").build(),
                        Reason.UNTRUSTED_PUBLIC_KEY_URL);
            }
            assertThat(proxy.requestLines()).isEmpty();
        }
        assertThat(keys.requests()).isZero();
    }

    @Test
    void fetchesAnHttpKeyUrlOverHttpsNeverOverHttp() {
        try (ProxyRecorder proxy = new ProxyRecorder()) {
            CallbackVerifier oss = CallbackVerifier.builder().httpClient(proxy.client()).build();
            assertFails(oss, request("http://gosspublic.alicdn.com/callback_pub_key_v1.pem").build(),
                    Reason.PUBLIC_KEY_UNAVAILABLE);
            CallbackVerifier ossHost = CallbackVerifier.builder().httpClient(proxy.client())
                    .trustedKeyUrlPrefixes(List.of("https://gosspublic.alicdn.com/")).build();
            assertFails(ossHost, request("http://gosspublic.alicdn.com/keys/v2.pem").build(),
                    Reason.PUBLIC_KEY_UNAVAILABLE);
            assertThat(proxy.requestLines()).hasSize(2)
                    .allMatch(line -> line.startsWith("CONNECT gosspublic.alicdn.com:443 "));
        }
    }

    @Test
    void capsKeyFetchesInFlightAndKeepsTheCachedKey() {
        CallbackVerifier capped = trusting(keys).maxKeyFetches(3).keyFetchTimeout(Duration.ofMillis(500)).build();
        StepVerifier.create(capped.verify(request(keys.url("key.pem")).build()))
                .expectNextCount(1).expectComplete().verify(WAIT);
        String forged = base64("not a signature of this body");
        List<Mono<Reason>> storm = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            storm.add(capped.verify(request(keys.url("held/" + i + ".pem")).authorization(forged).build())
                    .map(ok -> Reason.MALFORMED)
                    .onErrorResume(CallbackVerificationException.class, e -> Mono.just(e.reason())));
        }
        StepVerifier.create(Flux.merge(storm).collectList())
                .assertNext(reasons -> assertThat(reasons).hasSize(1000)
                        .containsOnly(Reason.PUBLIC_KEY_UNAVAILABLE))
                .expectComplete().verify(WAIT);
        assertThat(keys.maxHeld()).isEqualTo(3);
        assertThat(keys.requests()).isEqualTo(1 + 3);
        StepVerifier.create(capped.verify(request(keys.url("key.pem")).build()))
                .expectNextCount(1).expectComplete().verify(WAIT);
        StepVerifier.create(CallbackVerifier.builder().publicKeyPem(CallbackVectors.PUBLIC_KEY_PEM).build()
                        .verify(request(keys.url("held/0.pem")).build()))
                .expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(keys.requests()).isEqualTo(1 + 3);
    }

    @Test
    void failedFetchesNeverPushACachedKeyOut() {
        CallbackVerifier small = trusting(keys).keyCacheSize(1).build();
        StepVerifier.create(small.verify(request(keys.url("key.pem")).build()))
                .expectNextCount(1).expectComplete().verify(WAIT);
        for (int i = 0; i < 20; i++) {
            assertFails(small, request(keys.url("missing-" + i + ".pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
        }
        StepVerifier.create(small.verify(request(keys.url("key.pem")).build()))
                .expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(keys.requests()).isEqualTo(1 + 20);
    }

    @Test
    void givesUpOnAKeyServerThatNeverAnswers() {
        CallbackVerifier impatient = trusting(keys).keyFetchTimeout(Duration.ofMillis(200)).build();
        StepVerifier.create(impatient.verify(request(keys.url("silent.pem")).build()))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("did not answer within 200 ms")
                        .isInstanceOfSatisfying(CallbackVerificationException.class,
                                failed -> assertThat(failed.reason()).isEqualTo(Reason.PUBLIC_KEY_UNAVAILABLE)))
                .verify(WAIT);
    }

    @Test
    void refusesKeysLargerThanTheLimitWhetherOrNotTheirLengthIsDeclared() {
        assertFails(request(keys.url("huge.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
        assertFails(request(keys.url("chunked.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
    }

    @Test
    void failsCleanlyWhenTheKeyIsNotPemOrNotThere() {
        assertFails(request(keys.url("text.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
        assertFails(request(keys.url("missing.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
    }

    @Test
    void doesNotFollowRedirectsEvenWithAClientThatWould() {
        assertFails(request(keys.url("redirect.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
        CallbackVerifier following = trusting(keys).httpClient(HttpClient.newConnection().followRedirect(true)).build();
        assertFails(following, request(keys.url("redirect.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
        assertThat(keys.requests()).isEqualTo(2);
    }

    @Test
    void fetchesAKeyOnceForManyVerifications() {
        Mono<VerifiedCallback> verify = verifier.verify(request(keys.url("slow.pem")).build());
        StepVerifier.create(Mono.zip(verify, verify, verify))
                .expectNextCount(1)
                .expectComplete().verify(WAIT);
        StepVerifier.create(verify).expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(keys.requests()).isEqualTo(1);
    }

    @Test
    void remembersAFailedFetchBrieflyThenFetchesAgain() {
        assertFails(request(keys.url("missing.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
        assertFails(request(keys.url("missing.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
        assertThat(keys.requests()).isEqualTo(1);
        CallbackVerifier forgetful = trusting(keys).keyFetchFailureTtl(Duration.ofNanos(1)).build();
        assertFails(forgetful, request(keys.url("missing.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
        assertFails(forgetful, request(keys.url("missing.pem")).build(), Reason.PUBLIC_KEY_UNAVAILABLE);
        assertThat(keys.requests()).isEqualTo(3);
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedKeys() {
        CallbackVerifier small = trusting(keys).keyCacheSize(1).build();
        for (String key : List.of("key.pem", "other.pem", "other.pem", "key.pem")) {
            StepVerifier.create(small.verify(request(keys.url(key)).build()))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(WAIT);
        }
        assertThat(keys.requests()).isEqualTo(3);
    }

    @Test
    void fetchesAgainOnceTheKeyExpired() {
        CallbackVerifier forgetful = trusting(keys).keyCacheTtl(Duration.ofNanos(1)).build();
        for (int i = 0; i < 2; i++) {
            StepVerifier.create(forgetful.verify(request(keys.url("key.pem")).build()))
                    .expectNextCount(1)
                    .expectComplete().verify(WAIT);
        }
        assertThat(keys.requests()).isEqualTo(2);
    }

    @Test
    void fetchesKeysWithTheApplicationsClient() {
        ConnectionProvider pool = ConnectionProvider.create("shared", 2);
        try {
            CallbackVerifier shared = trusting(keys).httpClient(HttpClient.create(pool)).build();
            StepVerifier.create(shared.verify(request(keys.url("key.pem")).build()))
                    .expectNextCount(1)
                    .expectComplete().verify(WAIT);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void doesNothingUntilSubscribed() {
        verifier.verify(request(keys.url("key.pem")).build());
        assertThat(keys.requests()).isZero();
    }

    @Test
    void namesTheMissingOrMalformedHeader() {
        assertFails(request(keys.url("key.pem")).authorization(null).build(), Reason.MISSING_AUTHORIZATION);
        assertFails(request(keys.url("key.pem")).authorization(" ").build(), Reason.MISSING_AUTHORIZATION);
        assertFails(request(keys.url("key.pem")).publicKeyUrl(null).build(), Reason.MISSING_PUBLIC_KEY_URL);
        assertFails(request(keys.url("key.pem")).authorization("not base64!").build(), Reason.MALFORMED);
        assertFails(request(keys.url("key.pem")).publicKeyUrl("%%%").build(), Reason.MALFORMED);
        assertThat(keys.requests()).isZero();
    }

    @Test
    void refusesABodyOverTheLimitBeforeFetchingAnything() {
        CallbackVerifier strict = trusting(keys).maxBodySize(100).build();
        assertFails(strict, request(keys.url("key.pem")).build(), Reason.BODY_TOO_LARGE);
        assertThat(keys.requests()).isZero();
        assertThat(strict.maxBodySize()).isEqualTo(100);
    }

    @Test
    void readsTheBodyAsTheExpectedTypeAndRefusesAnotherContentType() {
        assertFails(request(keys.url("key.pem")).contentType("application/json").build(),
                Reason.UNEXPECTED_BODY_TYPE);
        assertFails(request(keys.url("key.pem")).contentType("text/plain").build(), Reason.UNEXPECTED_BODY_TYPE);
        StepVerifier.create(verifier.verify(request(keys.url("key.pem")).contentType(null).build()))
                .assertNext(callback -> assertThat(callback.bodyType()).isEqualTo(Callback.BodyType.FORM))
                .expectComplete().verify(WAIT);
        CallbackVerifier json = trusting(keys).bodyType(Callback.BodyType.JSON).build();
        assertFails(json, request(keys.url("key.pem")).build(), Reason.UNEXPECTED_BODY_TYPE);
        assertFails(json, request(keys.url("key.pem")).contentType("application/json").build(), Reason.MALFORMED);
    }

    @Test
    void keepsTheQueryAndSignatureOutOfDescriptions() {
        CallbackRequest request = request(keys.url("key.pem")).query("token=s3cret").build();
        assertThat(request.toString()).contains("/oss/cb").doesNotContain("s3cret").doesNotContain(AUTHORIZATION);
        assertThat(verifier.toString()).contains(keys.prefix());
    }

    @Test
    void signalsANullRequestInsteadOfThrowing() {
        StepVerifier.create(verifier.verify(null))
                .expectError(NullPointerException.class)
                .verify(WAIT);
    }

    private static CallbackVerifier.Builder trusting(KeyServer server) {
        return CallbackVerifier.builder().trustedKeyUrlPrefixes(List.of(server.prefix()));
    }

    private void assertFails(CallbackRequest request, Reason reason) {
        assertFails(verifier, request, reason);
    }

    private static void assertFails(CallbackVerifier verifier, CallbackRequest request, Reason reason) {
        StepVerifier.create(verifier.verify(request))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CallbackVerificationException.class,
                        failed -> assertThat(failed.reason()).as(failed.getMessage()).isEqualTo(reason)))
                .verify(WAIT);
    }
}
