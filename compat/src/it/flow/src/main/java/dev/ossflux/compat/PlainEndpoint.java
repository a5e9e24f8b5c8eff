package dev.ossflux.compat;

import dev.ossflux.core.callback.CallbackRequest;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.core.callback.VerifiedCallback;
import java.net.URI;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A callback endpoint on Reactor Netty alone, for worlds without a web framework. */
public final class PlainEndpoint implements Flow.Endpoint {

    private final DisposableServer server;

    public PlainEndpoint(CallbackVerifier verifier) {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/oss/callback", (request, response) -> {
                    URI uri = URI.create(request.uri());
                    return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                            .flatMap(body -> verifier.verify(CallbackRequest.builder(uri.getRawPath())
                                    .query(uri.getRawQuery())
                                    .authorization(request.requestHeaders().get(CallbackRequest.AUTHORIZATION))
                                    .publicKeyUrl(request.requestHeaders().get(CallbackRequest.PUBLIC_KEY_URL))
                                    .contentType(request.requestHeaders().get("Content-Type"))
                                    .body(body).build()))
                            .flatMap(verified -> response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(receipt(verified))).then());
                }))
                .bindNow();
    }

    /** The reply, written by hand: the flow's bucket and keys need no JSON escaping. */
    private static String receipt(VerifiedCallback callback) {
        return "{\"status\":\"OK\",\"bucket\":\"" + callback.variable("bucket").orElseThrow() + "\",\"object\":\""
                + callback.variable("object").orElseThrow() + "\",\"size\":" + callback.variable("size").orElseThrow()
                + "}";
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + server.port() + "/oss/callback";
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    /** The world of an application that declares only ossflux, or ossflux behind other libraries. */
    public static void main(String[] args) throws Exception {
        Flow.run(args.length > 0 ? args[0] : "plain", PlainEndpoint::new);
    }
}
