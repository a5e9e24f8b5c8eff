package dev.ossflux.benchmarks.load;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One scenario's work for one contender in a child JVM: a warm-up round, a measured run, and for
 * the multipart scenarios an untimed pass that measures the heap the upload keeps alive.
 */
abstract class Workload {

    final Contender contender;
    final Scenario scenario;

    private Workload(Contender contender, Scenario scenario) {
        this.contender = contender;
        this.scenario = scenario;
    }

    static Workload of(Contender contender, Scenario scenario, Map<String, String> flags) {
        return scenario.puts() ? new Puts(contender, scenario) : new Single(contender, scenario, flags);
    }

    /** One warm-up round under {@code prefix}. */
    abstract void warmupRound(String prefix) throws Exception;

    /** A measured run's probe, stopped, and its uploads' latencies. */
    record Measured(Probe probe, Latencies latencies) {
    }

    /**
     * The measured run under {@code prefix}: what comes before the clock (raw-netty's signing),
     * then {@code start}, the run, and {@link ContenderMain#stop}.
     */
    abstract Measured measured(String prefix, Callable<Probe> start) throws Exception;

    /** The most heap the full workload keeps alive, from an untimed repeat under {@code key}. */
    double liveHeapMb(String key) throws Exception {
        throw new UnsupportedOperationException("no live-heap pass in " + scenario.name());
    }

    /** PutObjects of the harness's payload. */
    private static final class Puts extends Workload {

        private final byte[] data;
        private final boolean callback;

        Puts(Contender contender, Scenario scenario) {
            super(contender, scenario);
            this.data = Payloads.of((int) scenario.objectBytes());
            this.callback = scenario.kind() == Scenario.Kind.PUT_WITH_CALLBACK;
        }

        @Override
        void warmupRound(String prefix) throws Exception {
            contender.prepare(prefix, scenario.warmupObjects(), data, callback);
            contender.putObjects(prefix, scenario.warmupObjects(), data, scenario.concurrency(), callback,
                    new Latencies(scenario.warmupObjects()));
        }

        @Override
        Measured measured(String prefix, Callable<Probe> start) throws Exception {
            contender.prepare(prefix, scenario.objects(), data, callback);
            Latencies latencies = new Latencies(scenario.objects());
            Probe probe = start.call();
            try {
                contender.putObjects(prefix, scenario.objects(), data, scenario.concurrency(), callback, latencies);
            } finally {
                ContenderMain.stop(probe);
            }
            return new Measured(probe, latencies);
        }
    }

    /** One upload of a file, a stream or a directory tree, warm-up size or full. */
    private static final class Single extends Workload {

        private final Map<String, String> flags;

        Single(Contender contender, Scenario scenario, Map<String, String> flags) {
            super(contender, scenario);
            this.flags = flags;
        }

        @Override
        void warmupRound(String prefix) throws Exception {
            upload(prefix, false);
        }

        @Override
        Measured measured(String prefix, Callable<Probe> start) throws Exception {
            Latencies latencies = new Latencies(1);
            Probe probe = start.call();
            try {
                long begin = System.nanoTime();
                upload(prefix, true);
                latencies.since(begin);
            } finally {
                ContenderMain.stop(probe);
            }
            return new Measured(probe, latencies);
        }

        @Override
        double liveHeapMb(String key) throws Exception {
            try (LiveHeap live = LiveHeap.start()) {
                upload(key, true);
                return live.peakMb();
            }
        }

        private void upload(String key, boolean full) throws Exception {
            long part = scenario.partBytes();
            int concurrency = scenario.concurrency();
            switch (scenario.kind()) {
                case FILE -> contender.uploadFile(key, ContenderMain.dataFile(flags, full), part, concurrency);
                case STREAM -> contender.uploadStream(key,
                        new SyntheticStream(full ? scenario.objectBytes() : scenario.warmupBytes()), part, concurrency);
                case BATCH -> contender.uploadDirectory(key, ContenderMain.dataFile(flags, full), concurrency, part);
                default -> throw new IllegalArgumentException("not a single upload: " + scenario);
            }
        }
    }
}
