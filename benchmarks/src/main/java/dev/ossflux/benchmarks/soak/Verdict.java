package dev.ossflux.benchmarks.soak;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** One of the soak's assertions: its name, whether it held, and what was seen. */
record Verdict(String name, boolean passed, String seen) {

    static final String STORED_IDENTICAL = "stored objects byte-identical (CRC-64)";
    static final String TYPED_ERRORS = "every other call ended typed";
    static final String NO_OPEN_UPLOADS = "no open uploads but checkpointed; reruns complete";
    static final String ONE_CALLBACK = "at most one callback per upload call";
    static final String NO_LEAKS = "no leak reports";
    static final String HEAP_FLAT = "heap flat";
    static final String DIRECT_FLAT = "direct memory flat";
    static final String THREADS_FLAT = "threads flat";
    static final String SOCKETS_FLAT = "open sockets flat";

    /**
     * Whether {@code metric} stayed flat from {@code fromSeconds} on: the median of the last three samples
     * is at most the median of the first three from then on, plus 10 % and {@code slack}.
     */
    static Verdict flat(String name, List<Sample> samples, double fromSeconds, ToDoubleFunction<Sample> metric,
            double slack, String unit, double scale) {
        List<Sample> judged = samples.stream().filter(sample -> sample.seconds() >= fromSeconds).toList();
        if (judged.size() < 4) {
            return new Verdict(name, false, "only " + judged.size() + " samples after " + fromSeconds + " s");
        }
        double start = median(judged.subList(0, 3), metric);
        double end = median(judged.subList(judged.size() - 3, judged.size()), metric);
        double max = judged.stream().mapToDouble(metric).max().orElse(0);
        boolean passed = end <= start * 1.10 + slack;
        return new Verdict(name, passed, String.format("%.1f → %.1f %s (max %.1f; allowed %.1f)", start / scale,
                end / scale, unit, max / scale, (start * 1.10 + slack) / scale));
    }

    private static double median(List<Sample> three, ToDoubleFunction<Sample> metric) {
        double[] values = three.stream().mapToDouble(metric).sorted().toArray();
        return values[values.length / 2];
    }
}
