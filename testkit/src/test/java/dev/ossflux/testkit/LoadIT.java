package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.Crc64;
import dev.ossflux.core.internal.sign.Hashing;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * 2,000 concurrent PutObjects of random sizes, each with a callback: all succeed with ETag and CRC-64
 * matching what was sent, no pooled connection stays busy afterwards and the thread count does not grow.
 */
class LoadIT {

    private static final String BUCKET = "load";

    private final SimpleMeterRegistry pool = new SimpleMeterRegistry();
    private OssEmulator emulator;
    private DisposableServer receiver;
    private final AtomicInteger callbacks = new AtomicInteger();

    @BeforeEach
    void start() {
        Metrics.addRegistry(pool);
        // 2,000 callbacks at once on two shared cores: the test is about completing all of them, not OSS's 5 s.
        emulator = OssEmulator.builder().bucket(BUCKET).callbackTimeout(Duration.ofSeconds(60)).start();
        receiver = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/cb", (request, response) -> request.receive().then(Mono.defer(() -> {
                    callbacks.incrementAndGet();
                    return response.header("content-type", "application/json").sendString(Mono.just("{\"ok\":1}"))
                            .then();
                })))).bindNow();
    }

    @AfterEach
    void stop() {
        receiver.disposeNow();
        emulator.close();
        Metrics.removeRegistry(pool);
    }

    @Test
    void completes2000ConcurrentUploadsWithCallbacksVerifyingEveryObject() {
        try (OssClient client = emulator.clientBuilder().maxConnections(256).responseTimeout(Duration.ofMinutes(2))
                .reactorNettyMetrics(true).build()) {
            Callback callback = Callback.builder("http://127.0.0.1:" + receiver.port() + "/cb",
                    "object=${object}&size=${size}").build();
            upload(client, callback, 100, 1);
            Set<String> threadsBefore = threadNames();

            List<Checked> results = upload(client, callback, 2000, 2);

            assertThat(results).hasSize(2000).allSatisfy(checked -> {
                assertThat(checked.result().etag()).isEqualTo(checked.md5());
                assertThat(checked.result().crc64()).isEqualTo(checked.crc64());
                assertThat(checked.result().callbackReply().orElseThrow().text()).isEqualTo("{\"ok\":1}");
                StoredObject stored = emulator.object(BUCKET, checked.result().key()).orElseThrow();
                assertThat(stored.crc64()).isEqualTo(checked.crc64());
                assertThat(stored.etag()).isEqualTo(checked.md5());
            });
            assertThat(callbacks).hasValue(2100);
            assertThat(pool.find("reactor.netty.connection.provider.total.connections").gauges())
                    .as("the pool's gauges were registered").isNotEmpty();
            Await.until(Duration.ofSeconds(5), () -> acquired() == 0, "every pooled connection released");
            Set<String> started = threadNames();
            started.removeAll(threadsBefore);
            assertThat(started).as("threads started by the load, beyond Reactor's bounded shared schedulers")
                    .allMatch(name -> name.startsWith("boundedElastic-") || name.startsWith("parallel-"));
        }
    }

    private List<Checked> upload(OssClient client, Callback callback, int count, long seed) {
        Random random = new Random(seed);
        return Flux.range(0, count).map(n -> {
            byte[] data = new byte[random.nextInt(64 * 1024)];
            random.nextBytes(data);
            return new Object[] {n, data};
        }).flatMap(item -> {
            byte[] data = (byte[]) item[1];
            PutObjectRequest request = PutObjectRequest.builder(BUCKET, "load/" + seed + "/" + item[0])
                    .callback(callback).build();
            return client.putObject(request, UploadBody.fromBytes(data)).map(result -> new Checked(result,
                    Hashing.hex(Hashing.md5().digest(data)).toUpperCase(Locale.ROOT), Crc64.of(data)));
        }, count).collectList().block(Duration.ofMinutes(2));
    }

    /** The connections acquired from the client's pool right now. */
    private double acquired() {
        return pool.find("reactor.netty.connection.provider.active.connections").tag("name", "ossflux").gauges()
                .stream().mapToDouble(gauge -> gauge.value()).sum();
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

    private record Checked(UploadResult result, String md5, long crc64) {
    }
}
