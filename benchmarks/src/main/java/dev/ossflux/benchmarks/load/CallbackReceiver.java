package dev.ossflux.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The application server of scenario 5: reads each callback the emulator sends and answers
 * {@code {"ok":true}} at once, without verifying it (verification is the application's cost, not
 * the uploader's).
 */
final class CallbackReceiver implements AutoCloseable {

    static final String PATH = "/oss/callback";
    private static final byte[] REPLY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private final DisposableServer server;

    private CallbackReceiver(DisposableServer server) {
        this.server = server;
    }

    static CallbackReceiver start() {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post(PATH, (request, response) -> request.receive().then(
                        response.header("Content-Type", "application/json")
                                .header("Content-Length", Integer.toString(REPLY.length))
                                .sendByteArray(Mono.just(REPLY)).then())))
                .bindNow(Duration.ofSeconds(10));
        return new CallbackReceiver(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + PATH;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
