package dev.ossflux.benchmarks.soak;

import dev.ossflux.core.CallbackFailedException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak's running totals: aggregate counters only (errors by class name, a bounded set), so that the
 * soak's own heap stays flat however long it runs.
 */
final class Tally {

    /** Errors that say nothing typed about what went wrong: a bug in the client, not an outcome. */
    private static final Set<String> UNTYPED = Set.of("java.lang.RuntimeException", "java.lang.Exception",
            "java.lang.Error", "java.lang.NullPointerException", "java.lang.IllegalStateException",
            "java.lang.ClassCastException", "java.lang.IndexOutOfBoundsException",
            "java.lang.ArrayIndexOutOfBoundsException", "java.lang.UnsupportedOperationException",
            "io.netty.util.IllegalReferenceCountException", "reactor.core.Exceptions$RetryExhaustedException",
            "reactor.core.Exceptions$ErrorCallbackNotImplemented", "java.util.NoSuchElementException");

    final LongAdder calls = new LongAdder();
    final LongAdder stored = new LongAdder();
    final LongAdder storedBytes = new LongAdder();
    final LongAdder storedWithFailedCallback = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder untyped = new LongAdder();
    final LongAdder cancelled = new LongAdder();
    final LongAdder hung = new LongAdder();
    final LongAdder mismatched = new LongAdder();
    final LongAdder resumes = new LongAdder();
    final LongAdder resumedToCompletion = new LongAdder();
    final LongAdder batchRuns = new LongAdder();
    final LongAdder batchSkipped = new LongAdder();
    final LongAdder sabotagedDeletes = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** Counts an upload call that ended with {@code error}; a {@link CallbackFailedException} is not one. */
    void failed(Throwable error) {
        failed.increment();
        String name = error.getClass().getName();
        errors.computeIfAbsent(name, any -> new LongAdder()).increment();
        if (UNTYPED.contains(name)) {
            untyped.increment();
        }
    }

    /** Failed calls by error class (simple name), sorted. */
    Map<String, Long> errors() {
        Map<String, Long> byName = new TreeMap<>();
        errors.forEach((name, count) -> byName.merge(name.substring(name.lastIndexOf('.') + 1), count.sum(),
                Long::sum));
        return byName;
    }
}
