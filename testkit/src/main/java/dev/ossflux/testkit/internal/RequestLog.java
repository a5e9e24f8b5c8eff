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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Every answered request, for {@code takeRequest} (consuming, in completion order) and {@code requests()}. */
final class RequestLog {

    private final AtomicLong sequence = new AtomicLong();
    private final BlockingQueue<RecordedRequest> queue = new LinkedBlockingQueue<>();
    private final List<RecordedRequest> all = new ArrayList<>();

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
        synchronized (all) {
            all.add(request);
        }
        queue.add(request);
    }

    @Nullable RecordedRequest take(Duration timeout) throws InterruptedException {
        return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    List<RecordedRequest> snapshot() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }
}
