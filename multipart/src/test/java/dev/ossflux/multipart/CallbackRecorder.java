package dev.ossflux.multipart;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A callback server on 127.0.0.1 that records each body and answers {@code {"received":true}}. */
final class CallbackRecorder implements AutoCloseable {

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes.post("/cb", (request, response) -> request.receive().aggregate().asString()
                    .defaultIfEmpty("")
                    .flatMap(body -> {
                        bodies.add(body);
                        return response.header("content-type", "application/json")
                                .sendString(Mono.just("{\"received\":true}")).then();
                    })))
            .bindNow();

    String url() {
        return "http://127.0.0.1:" + server.port() + "/cb";
    }

    List<String> bodies() {
        return bodies;
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
