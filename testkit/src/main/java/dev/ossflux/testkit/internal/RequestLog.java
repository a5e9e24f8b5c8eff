package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Every answered request, for {@code takeRequest} (consuming, in completion order) and {@code requests()},
 * kept within a byte budget (the oldest go first). Each entry keeps small fields only: header and query
 * values are cut at {@value #MAX_VALUE} characters and an entry's headers at {@value #MAX_HEADERS} in all.
 * Recording never blocks an event loop: lock-free queues, and a semaphore that only the taking thread waits on.
 */
final class RequestLog {

    static final int MAX_VALUE = 8 * 1024;
    static final int MAX_HEADERS = 16 * 1024;
    /** What an entry costs besides its strings: the record, maps, optionals and instants. */
    private static final int ENTRY_OVERHEAD = 512;
    private static final int FIELD_OVERHEAD = 96;

    private record Entry(RecordedRequest request, long bytes) {
    }

    private final long budget;
    private final AtomicLong sequence = new AtomicLong();
    private final Queue<Entry> untaken = new ConcurrentLinkedQueue<>();
    private final AtomicLong untakenBytes = new AtomicLong();
    private final Semaphore available = new Semaphore(0);
    private final Queue<Entry> all = new ConcurrentLinkedQueue<>();
    private final AtomicLong allBytes = new AtomicLong();

    RequestLog(long budgetBytes) {
        this.budget = budgetBytes;
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void record(Exchange ex, long number, Instant completedAt) {
        long[] bytes = {ENTRY_OVERHEAD + ex.target.rawPath().length()};
        Map<String, String> query = new LinkedHashMap<>();
        for (QueryParam param : ex.target.query()) {
            String value = cut(param.value() == null ? "" : param.value());
            if (query.putIfAbsent(param.name(), value) == null) {
                bytes[0] += FIELD_OVERHEAD + param.name().length() + value.length();
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        long[] headerBytes = {0};
        ex.request.requestHeaders().forEach(h -> {
            String value = cut(h.getValue());
            long size = FIELD_OVERHEAD + h.getKey().length() + value.length();
            if (headerBytes[0] + size <= MAX_HEADERS) {
                headerBytes[0] += size;
                headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(value);
            }
        });
        bytes[0] += headerBytes[0];
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
                cut(ex.target.rawPath()), query, headers, Optional.ofNullable(ex.target.bucket()),
                Optional.ofNullable(ex.target.key() != null ? ex.target.key() : ex.formKey), ex.bodySize, partNumber,
                Optional.ofNullable(ex.target.param("uploadId")).map(RequestLog::cut), ex.status,
                Optional.ofNullable(ex.errorCode), ex.requestId, ex.arrivedAt, completedAt);
        Entry entry = new Entry(request, bytes[0]);
        all.add(entry);
        allBytes.addAndGet(entry.bytes());
        while (allBytes.get() > budget) {
            Entry oldest = all.poll();
            if (oldest == null) {
                break;
            }
            allBytes.addAndGet(-oldest.bytes());
        }
        untaken.add(entry);
        untakenBytes.addAndGet(entry.bytes());
        available.release();
        while (untakenBytes.get() > budget && available.tryAcquire()) {
            Entry oldest = untaken.poll();
            if (oldest != null) {
                untakenBytes.addAndGet(-oldest.bytes());
            }
        }
    }

    @Nullable RecordedRequest take(Duration timeout) throws InterruptedException {
        if (!available.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return null;
        }
        Entry entry = untaken.poll();
        if (entry == null) {
            return null;
        }
        untakenBytes.addAndGet(-entry.bytes());
        return entry.request();
    }

    List<RecordedRequest> snapshot() {
        return all.stream().map(Entry::request).toList();
    }

    private static String cut(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
    }
}
