package dev.ossflux.benchmarks.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-upload latencies of one measured run, recorded from any thread. */
final class Latencies {

    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    /** Records one upload that started at {@code startNanos} ({@link System#nanoTime()}) and ends now. */
    void since(long startNanos) {
        record(System.nanoTime() - startNanos);
    }

    void record(long latencyNanos) {
        int index = count.getAndIncrement();
        if (index < nanos.length) {
            nanos[index] = latencyNanos;
        }
    }

    int count() {
        return Math.min(count.get(), nanos.length);
    }

    /** The {@code q} quantile (0 to 1) in milliseconds, nearest rank; NaN when nothing was recorded. */
    double quantileMillis(double q) {
        int n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, rank))] / 1e6;
    }
}
