package dev.ossflux.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-upload start times and latencies of one measured run, recorded from any thread. */
final class Latencies {

    private final long[] starts;
    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();

    Latencies(int capacity) {
        this.starts = new long[capacity];
        this.nanos = new long[capacity];
    }

    /** Records one upload that started at {@code startNanos} ({@link System#nanoTime()}) and ends now. */
    void since(long startNanos) {
        long latency = System.nanoTime() - startNanos;
        int index = count.getAndIncrement();
        if (index < nanos.length) {
            starts[index] = startNanos;
            nanos[index] = latency;
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

    /** Writes {@code start ms,latency ms} per upload in completion order (starts from the first), for diagnosis. */
    void writeCsv(Path file) throws IOException {
        int n = count();
        long first = Arrays.stream(starts, 0, n).min().orElse(0);
        StringBuilder csv = new StringBuilder("startMs,latencyMs\n");
        for (int i = 0; i < n; i++) {
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f%n", (starts[i] - first) / 1e6, nanos[i] / 1e6));
        }
        Files.writeString(file, csv);
    }
}
