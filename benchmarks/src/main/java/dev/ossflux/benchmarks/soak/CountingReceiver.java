package dev.ossflux.benchmarks.soak;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The callback receiver of the soak: counts the callbacks of each upload call, told apart by the
 * {@code call} field of the body ({@code call=${x:call}}). Its bookkeeping is two bits per call id.
 * It can be taken down (the port refuses connections) or made slow (it answers after
 * {@link #SLOW_REPLY}, past the emulator's callback timeout).
 */
final class CountingReceiver implements AutoCloseable {

    static final Duration SLOW_REPLY = Duration.ofSeconds(2);
    private static final String FIELD = "call=";

    /** Guards the counts only, held for a few instructions on I/O threads (never while binding). */
    private final Object counts = new Object();
    private final BitSet seen = new BitSet();
    private final BitSet repeated = new BitSet();
    private long callbacks;
    private long unnamed;
    private volatile boolean slow;
    private int port;
    private DisposableServer server;

    CountingReceiver() {
        bind(0);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/callback";
    }

    /** Makes the receiver refuse connections until {@link #up()}. */
    synchronized void down() {
        if (server != null) {
            server.dispose();
            server = null;
        }
    }

    /** Serves again, promptly (binding the port again is retried while the old socket closes). */
    synchronized void up() {
        slow = false;
        for (int attempt = 0; server == null; attempt++) {
            try {
                bind(port);
            } catch (RuntimeException stillBound) {
                if (attempt == 50) {
                    throw stillBound;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            }
        }
    }

    void slow() {
        slow = true;
    }

    long callbacks() {
        synchronized (counts) {
            return callbacks;
        }
    }

    /** Upload calls with more than one callback. */
    int callsCalledBackTwice() {
        synchronized (counts) {
            return repeated.cardinality();
        }
    }

    /** Callbacks whose body named no call. */
    long unnamed() {
        synchronized (counts) {
            return unnamed;
        }
    }

    private void count(String body) {
        int at = body.indexOf(FIELD);
        int end = at < 0 ? -1 : body.indexOf('&', at);
        int call = at < 0 ? -1 : Integer.parseInt(body.substring(at + FIELD.length(), end < 0 ? body.length() : end));
        synchronized (counts) {
            callbacks++;
            if (call < 0) {
                unnamed++;
                return;
            }
            if (seen.get(call)) {
                repeated.set(call);
            }
            seen.set(call);
        }
    }

    private void bind(int onPort) {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(onPort)
                .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            count(body);
                            Mono<Void> reply = response.header("Content-Type", "application/json")
                                    .sendString(Mono.just("{\"Status\":\"OK\"}")).then();
                            return slow ? Mono.delay(SLOW_REPLY).then(reply) : reply;
                        }))
                .bindNow(Duration.ofSeconds(10));
        port = server.port();
    }

    @Override
    public synchronized void close() {
        down();
    }
}
