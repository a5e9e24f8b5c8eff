package dev.ossflux.testkit;

import dev.ossflux.core.callback.CallbackRequest;
import dev.ossflux.core.callback.CallbackVerificationException;
import dev.ossflux.core.callback.CallbackVerifier;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An application's callback endpoint built on ossflux's {@link CallbackVerifier}: answers 200
 * {@code {"Status":"OK"}} to a callback that verifies, 400 {@code {"Status":"<reason>"}} otherwise, and records
 * each request with its verdict.
 */
final class VerifyingReceiver implements AutoCloseable {

    /** A callback request as received, and {@code OK} or the reason it was refused. */
    record Delivery(CallbackRequest request, String verdict) {
    }

    private final CallbackVerifier verifier;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final DisposableServer server;

    VerifyingReceiver(CallbackVerifier verifier) {
        this.verifier = verifier;
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/oss/callback";
    }

    /** The next delivery, waiting up to 10 s. */
    Delivery take() throws InterruptedException {
        Delivery delivery = deliveries.poll(10, TimeUnit.SECONDS);
        if (delivery == null) {
            throw new AssertionError("no callback arrived within 10 s");
        }
        return delivery;
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        URI uri = URI.create(request.uri());
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .map(body -> CallbackRequest.builder(uri.getRawPath()).query(uri.getRawQuery())
                        .authorization(request.requestHeaders().get(CallbackRequest.AUTHORIZATION))
                        .publicKeyUrl(request.requestHeaders().get(CallbackRequest.PUBLIC_KEY_URL))
                        .contentType(request.requestHeaders().get("Content-Type"))
                        .body(body)
                        .build())
                .flatMap(callback -> verifier.verify(callback).map(verified -> "OK")
                        .onErrorResume(CallbackVerificationException.class, e -> Mono.just(e.reason().name()))
                        .doOnNext(verdict -> deliveries.add(new Delivery(callback, verdict))))
                .flatMap(verdict -> response.status(verdict.equals("OK") ? 200 : 400)
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"Status\":\"" + verdict + "\"}")).then());
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
