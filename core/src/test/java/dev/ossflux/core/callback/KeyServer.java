package dev.ossflux.core.callback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * A Reactor Netty server on 127.0.0.1 that counts requests and serves: the test public key at
 * {@code /key.pem} and {@code /other.pem}, the key after 300 ms at {@code /slow.pem}, nothing at
 * {@code /silent.pem}, 64 KiB at {@code /huge.pem} (with Content-Length) and {@code /chunked.pem}
 * (without), text at {@code /text.pem}, a redirect to the key at {@code /redirect.pem}, nothing under
 * {@code /held/} (counting the requests it holds at once), 404 elsewhere.
 */
final class KeyServer implements AutoCloseable {

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger maxHeld = new AtomicInteger();
    private final DisposableServer server;

    KeyServer() {
        byte[] key = CallbackVectors.PUBLIC_KEY_PEM.getBytes(StandardCharsets.US_ASCII);
        HttpServerRoutes routes = HttpServerRoutes.newRoutes()
                .get("/key.pem", (request, response) -> response.sendByteArray(Mono.just(key)))
                .get("/other.pem", (request, response) -> response.sendByteArray(Mono.just(key)))
                .get("/slow.pem", (request, response) -> response.sendByteArray(
                        Mono.just(key).delayElement(Duration.ofMillis(300))))
                .get("/silent.pem", (request, response) -> Mono.never())
                .get("/huge.pem", (request, response) -> response.sendByteArray(Mono.just(new byte[64 * 1024])))
                .get("/chunked.pem", (request, response) -> response.sendByteArray(
                        Flux.range(0, 64).map(i -> new byte[1024])))
                .get("/text.pem", (request, response) -> response.sendString(Mono.just("hello, not a key")))
                .get("/redirect.pem", (request, response) -> response.sendRedirect(url("key.pem")))
                .get("/held/{name}", (request, response) -> Mono.<Void>never()
                        .doOnSubscribe(s -> maxHeld.accumulateAndGet(held.incrementAndGet(), Math::max))
                        .doFinally(signal -> held.decrementAndGet()))
                .route(request -> true, (request, response) -> response.sendNotFound());
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    requests.incrementAndGet();
                    return routes.apply(request, response);
                })
                .bindNow();
    }

    int port() {
        return server.port();
    }

    String prefix() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    String url(String path) {
        return prefix() + path;
    }

    int requests() {
        return requests.get();
    }

    /** The most requests under {@code /held/} open at once. */
    int maxHeld() {
        return maxHeld.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
