package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Every answered request, for {@code takeRequest} (consuming, in completion order) and {@code requests()};
 * the newest {@value #CAPACITY} are kept. Recording never blocks an event loop: lock-free queues, and a
 * semaphore that only the taking thread waits on.
 */
final class RequestLog {

    static final int CAPACITY = 100_000;

    private final AtomicLong sequence = new AtomicLong();
    private final Queue<RecordedRequest> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore available = new Semaphore(0);
    private final Queue<RecordedRequest> all = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void record(Exchange ex, long number, Instant completedAt) {
        Map<String, String> query = new LinkedHashMap<>();
        for (QueryParam param : ex.target.query()) {
            query.putIfAbsent(param.name(), param.value() == null ? "" : param.value());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.request.requestHeaders().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(java.util.Locale.ROOT),
                name -> new ArrayList<>()).add(h.getValue()));
        OptionalInt partNumber = OptionalInt.empty();
        String part = ex.target.param("partNumber");
        if (part != null) {
            try {
                partNumber = OptionalInt.of(Integer.parseInt(part));
            } catch (NumberFormatException ignored) {
                // recorded without a part number
            }
        }
        RecordedRequest request = new RecordedRequest(number, ex.target.operation(), ex.request.method().name(),
                ex.target.rawPath(), query, headers, Optional.ofNullable(ex.target.bucket()),
                Optional.ofNullable(ex.target.key()), ex.bodySize, partNumber,
                Optional.ofNullable(ex.target.param("uploadId")), ex.status, Optional.ofNullable(ex.errorCode),
                ex.requestId, ex.arrivedAt, completedAt);
        all.add(request);
        if (size.incrementAndGet() > CAPACITY && all.poll() != null) {
            size.decrementAndGet();
        }
        queue.add(request);
        available.release();
        if (available.availablePermits() > CAPACITY && available.tryAcquire()) {
            queue.poll();
        }
    }

    @Nullable RecordedRequest take(Duration timeout) throws InterruptedException {
        return available.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS) ? queue.poll() : null;
    }

    List<RecordedRequest> snapshot() {
        return List.copyOf(all);
    }
}
