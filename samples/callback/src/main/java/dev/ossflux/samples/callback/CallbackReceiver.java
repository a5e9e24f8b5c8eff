package dev.ossflux.samples.callback;

import dev.ossflux.core.callback.CallbackRequest;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.core.callback.VerifiedCallback;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application server OSS calls back: verifies the RSA signature of each callback and answers
 * the JSON that OSS hands back to the uploader (401 when the signature does not verify).
 */
final class CallbackReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DisposableServer server;
    private final CallbackVerifier verifier;
    private final PrintStream log;

    CallbackReceiver(CallbackVerifier verifier, PrintStream log) {
        this.verifier = verifier;
        this.log = log;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/callback", this::receive))
                .bindNow();
    }

    /** The URL to give OSS as {@code callbackUrl}. */
    String url() {
        return "http://127.0.0.1:" + server.port() + "/callback";
    }

    private Mono<Void> receive(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .flatMap(body -> verifier.verify(CallbackRequest.builder(path(request.uri()))
                        .query(query(request.uri()))
                        .authorization(request.requestHeaders().get(CallbackRequest.AUTHORIZATION))
                        .publicKeyUrl(request.requestHeaders().get(CallbackRequest.PUBLIC_KEY_URL))
                        .contentType(request.requestHeaders().get("content-type"))
                        .body(body)
                        .build()))
                .flatMap(callback -> reply(response, callback))
                .onErrorResume(error -> {
                    log.println("   receiver: rejected a callback: " + error.getMessage());
                    return response.status(401).sendString(Mono.just("{\"Status\":\"Unauthorized\"}")).then();
                });
    }

    private Mono<Void> reply(HttpServerResponse response, VerifiedCallback callback) {
        log.println("   receiver: signature verified; OSS says " + callback.text());
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("Status", "OK");
        reply.put("bucket", callback.variable("bucket").orElse(""));
        reply.put("object", callback.variable("object").orElse(""));
        return response.header("content-type", "application/json")
                .sendByteArray(Mono.fromSupplier(() -> JSON.writeValueAsBytes(reply))).then();
    }

    private static String path(String uri) {
        int question = uri.indexOf('?');
        return question < 0 ? uri : uri.substring(0, question);
    }

    private static String query(String uri) {
        int question = uri.indexOf('?');
        return question < 0 ? null : uri.substring(question + 1);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
