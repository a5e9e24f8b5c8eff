package dev.ossflux.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.callback.CallbackBinding;
import dev.ossflux.core.callback.CallbackRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * {@code POST /oss/callback} against callbacks the emulator really signed: each is captured on its way to a
 * stand-in receiver, then sent to the application as is, twice, tampered with, or re-signed.
 */
@SampleApplicationTest
class CallbackIT {

    private static final String QUERY = "src=oss%2Femulator&v=1";

    /** Answers like an application would and keeps the callbacks it gets. */
    private static DisposableServer receiver;
    private static final BlockingQueue<Captured> captured = new LinkedBlockingQueue<>();

    /** A key server no verifier may call: it counts what it gets. */
    private static DisposableServer keyTrap;
    private static final AtomicInteger keyTrapHits = new AtomicInteger();

    @Autowired
    private WebTestClient web;

    @Autowired
    private CallbackBinding binding;

    @Autowired
    private OssClient client;

    @LocalServerPort
    private int port;

    private record Captured(String pathAndQuery, HttpHeaders headers, byte[] body) {
    }

    @BeforeAll
    static void startServers() {
        receiver = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post(CallbackHandler.PATH, (request, response) ->
                        request.receive().aggregate().asByteArray()
                                .doOnNext(body -> {
                                    HttpHeaders headers = new HttpHeaders();
                                    request.requestHeaders().forEach(h -> headers.add(h.getKey(), h.getValue()));
                                    captured.add(new Captured(request.uri(), headers, body));
                                })
                                .then(response.header("content-type", "application/json")
                                        .sendString(Mono.just("{\"Status\":\"OK\"}")).then())))
                .bindNow();
        keyTrap = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    keyTrapHits.incrementAndGet();
                    return response.sendString(Mono.just("-----BEGIN PUBLIC KEY-----")).then();
                })
                .bindNow();
    }

    @AfterAll
    static void stopServers() {
        receiver.disposeNow();
        keyTrap.disposeNow();
    }

    @Test
    void acceptsACallbackSignedByTheEmulator() {
        Captured callback = genuineCallback();

        replay(callback.pathAndQuery(), callback.headers(), callback.body())
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.Status").isEqualTo("OK")
                .jsonPath("$.object").isEqualTo("replay/genuine.txt")
                .jsonPath("$.size").isEqualTo(5)
                .jsonPath("$.uploadId").isEqualTo("replayed");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsAVerifiedCallbackBodyOnOneLineWhateverItHolds(CapturedOutput output) {
        String url = "http://127.0.0.1:" + port + CallbackHandler.PATH;
        Callback callback = Callback.builder(url, "object=${object}&note=a\r\nWARN forged log line").build();
        PutObjectRequest request = PutObjectRequest.builder(SampleApplicationTest.BUCKET, "log/line.txt")
                .callback(binding.bind(callback, SampleApplicationTest.BUCKET, "log/line.txt"))
                .build();

        client.putObject(request, UploadBody.fromString("hello")).block(Duration.ofSeconds(10));

        assertThat(output.getOut()).contains("Verified callback for log/line.txt: object=log%2Fline.txt"
                + "&note=a\\r\\nWARN forged log line").doesNotContain("\nWARN forged");
    }

    @Test
    void rejectsTheSameCallbackSentAgain() {
        Captured callback = genuineCallback();

        replay(callback.pathAndQuery(), callback.headers(), callback.body()).expectStatus().isOk()
                .expectBody().jsonPath("$.Status").isEqualTo("OK");
        replay(callback.pathAndQuery(), callback.headers(), callback.body())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("REPLAYED");
    }

    @Test
    void rejectsACallbackThisApplicationDidNotBind() {
        Callback unbound = Callback.builder(receiverUrl(), UploadCallbacks.BODY).build();
        Captured callback = callbackOf(PutObjectRequest.builder(SampleApplicationTest.BUCKET, "replay/unbound.txt")
                .callback(unbound).build());

        replay(callback.pathAndQuery(), callback.headers(), callback.body())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("BINDING_MISSING");
    }

    @Test
    void rejectsACallbackBoundForAnotherObject() {
        Callback forOther = binding.bind(Callback.builder(receiverUrl(), UploadCallbacks.BODY).build(),
                SampleApplicationTest.BUCKET, "replay/other.txt");
        Captured callback = callbackOf(PutObjectRequest.builder(SampleApplicationTest.BUCKET, "replay/this.txt")
                .callback(forOther).build());

        replay(callback.pathAndQuery(), callback.headers(), callback.body())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("BINDING_MISMATCH");
    }

    @Test
    void rejectsATamperedBody() {
        Captured callback = genuineCallback();
        byte[] tampered = new String(callback.body(), StandardCharsets.UTF_8).replace("size=5", "size=6")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(callback.body());

        replay(callback.pathAndQuery(), callback.headers(), tampered)
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void rejectsATamperedQuery() {
        Captured callback = genuineCallback();

        replay(callback.pathAndQuery().replace("v=1", "v=2"), callback.headers(), callback.body())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void rejectsAForgedSignature() {
        Captured callback = genuineCallback();
        HttpHeaders forged = copy(callback.headers());
        byte[] signature = Base64.getDecoder().decode(callback.headers().getFirst(CallbackRequest.AUTHORIZATION));
        signature[signature.length / 2] ^= 1;
        forged.set(CallbackRequest.AUTHORIZATION, Base64.getEncoder().encodeToString(signature));

        replay(callback.pathAndQuery(), forged, callback.body())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void rejectsAnUntrustedKeyUrlWithoutFetchingIt() {
        Captured callback = genuineCallback();
        HttpHeaders forged = copy(callback.headers());
        String trapUrl = "http://127.0.0.1:" + keyTrap.port() + "/callback_pub_key_v1.pem";
        forged.set(CallbackRequest.PUBLIC_KEY_URL,
                Base64.getEncoder().encodeToString(trapUrl.getBytes(StandardCharsets.US_ASCII)));

        replay(callback.pathAndQuery(), forged, callback.body())
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("UNTRUSTED_PUBLIC_KEY_URL");
        assertThat(keyTrapHits).hasValue(0);
    }

    @Test
    void rejectsARequestWithoutSignature() {
        web.post().uri(CallbackHandler.PATH)
                .header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .bodyValue("bucket=examplebucket&object=a.txt")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("MISSING_AUTHORIZATION");
    }

    @Test
    void rejectsABodyOverTheVerifiersLimit() {
        web.post().uri(CallbackHandler.PATH)
                .header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(CallbackRequest.AUTHORIZATION, "c2lnbmF0dXJl")
                .bodyValue("a".repeat(1024 * 1024 + 1))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("BODY_TOO_LARGE");
    }

    /**
     * Uploads through the emulator with a callback bound like the application's to the stand-in receiver and
     * returns the signed request the emulator sent there.
     */
    private Captured genuineCallback() {
        String key = "replay/genuine.txt";
        Callback callback = Callback.builder(receiverUrl(), UploadCallbacks.BODY)
                .variable("x:upload_id", "replayed").build();
        return callbackOf(PutObjectRequest.builder(SampleApplicationTest.BUCKET, key)
                .callback(binding.bind(callback, SampleApplicationTest.BUCKET, key)).build());
    }

    private Captured callbackOf(PutObjectRequest request) {
        client.putObject(request, UploadBody.fromString("hello")).block(Duration.ofSeconds(10));
        Captured callback;
        try {
            callback = captured.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(callback).isNotNull();
        assertThat(callback.pathAndQuery()).isEqualTo(CallbackHandler.PATH + "?" + QUERY);
        return callback;
    }

    private static String receiverUrl() {
        return "http://127.0.0.1:" + receiver.port() + CallbackHandler.PATH + "?" + QUERY;
    }

    private WebTestClient.ResponseSpec replay(String pathAndQuery, HttpHeaders headers, byte[] body) {
        return web.post().uri(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .headers(sent -> {
                    sent.set(CallbackRequest.AUTHORIZATION, headers.getFirst(CallbackRequest.AUTHORIZATION));
                    sent.set(CallbackRequest.PUBLIC_KEY_URL, headers.getFirst(CallbackRequest.PUBLIC_KEY_URL));
                    sent.set(HttpHeaders.CONTENT_TYPE, headers.getFirst(HttpHeaders.CONTENT_TYPE));
                })
                .bodyValue(body)
                .exchange();
    }

    private static HttpHeaders copy(HttpHeaders headers) {
        return HttpHeaders.copyOf(headers);
    }
}
