package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.callback.CallbackReply;
import dev.ossflux.core.callback.CallbackRequest;
import dev.ossflux.core.callback.CallbackVerifier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/**
 * Callback URLs whose path or query holds escapes that are not UTF-8 ({@code %FF}), or that end in a bare
 * {@code ?} (called without it, as the verifier reads an empty query): the emulator signs the bytes that
 * {@link CallbackVerifier} checks, so an application's endpoint accepts them.
 */
class CallbackPathsIT {

    private static final String BUCKET = "examplebucket";
    private static OssEmulator oss;
    private static OssClient client;
    private static DisposableServer receiver;
    private static final List<String> ARRIVED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket(BUCKET).start();
        client = oss.clientBuilder().build();
        CallbackVerifier verifier = CallbackVerifier.builder().publicKey(oss.callbackPublicKey()).build();
        receiver = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> verify(verifier, request, response)).bindNow();
    }

    @AfterAll
    static void stop() {
        receiver.disposeNow();
        client.close();
        oss.close();
    }

    private static Mono<Void> verify(CallbackVerifier verifier, HttpServerRequest request,
            HttpServerResponse response) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        ARRIVED.add(uri);
        String path = question < 0 ? uri : uri.substring(0, question);
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .flatMap(body -> verifier.verify(CallbackRequest.builder(path)
                        .query(question < 0 ? null : uri.substring(question + 1))
                        .authorization(request.requestHeaders().get(CallbackRequest.AUTHORIZATION))
                        .publicKeyUrl(request.requestHeaders().get(CallbackRequest.PUBLIC_KEY_URL))
                        .contentType(request.requestHeaders().get("content-type"))
                        .body(body).build()))
                .flatMap(verified -> response.status(200).header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"verified\":true}")).then())
                .onErrorResume(e -> response.status(400).sendString(Mono.just("{\"error\":\"" + e.getMessage()
                        + "\"}")).then());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cb%FF", "/cb%ff/x", "/cb?", "/cb?a=%FF&b", "/c%20b%2Bc?q=1"})
    void theApplicationVerifiesTheCallbackWhateverItsUrlEscapes(String pathAndQuery) {
        String url = "http://127.0.0.1:" + receiver.port() + pathAndQuery;
        Callback callback = Callback.builder(url, "object=${object}").build();

        StepVerifier.create(client.putObject(PutObjectRequest.builder(BUCKET, "escaped.txt").callback(callback)
                        .build(), UploadBody.fromString("x")))
                .assertNext(result -> assertThat(result.callbackReply().map(CallbackReply::text))
                        .contains("{\"verified\":true}"))
                .expectComplete()
                .verify(Duration.ofSeconds(20));
        assertThat(ARRIVED).contains(pathAndQuery.endsWith("?") ? pathAndQuery.replace("?", "") : pathAndQuery);
    }
}
