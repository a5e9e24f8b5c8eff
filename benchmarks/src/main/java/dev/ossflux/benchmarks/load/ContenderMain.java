package dev.ossflux.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * The child JVM of one (scenario, contender) run: warms the contender up on the same workload, then
 * measures one run and prints it as a JSON line after {@link #RESULT}. The harness starts it as
 * {@code java -cp ossflux-benchmarks.jar dev.ossflux.benchmarks.load.ContenderMain --contender NAME
 * --scenario N [--quick] --endpoint URL --bucket B --callback-url URL [--pool N] [--file F --warmup-file W]}.
 */
public final class ContenderMain {

    /** Printed just before the measured run starts. */
    static final String MEASURING = "ossflux-bench measuring";
    /** Prefixes the result line. */
    static final String RESULT = "ossflux-bench result ";

    private ContenderMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = flags(args);
        boolean quick = flags.containsKey("quick");
        Scenario scenario = Scenario.all(quick).get(Integer.parseInt(flags.get("scenario")) - 1);
        String name = flags.get("contender");
        int pool = Integer.parseInt(flags.getOrDefault("pool", "0"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("warmup-seconds", quick ? "1" : "5")));
        Duration maxWarmup = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("max-warmup-seconds",
                quick ? "2" : "45")));
        Target target = Target.of(flags.get("endpoint"), flags.get("bucket"), flags.get("callback-url"));
        String prefix = "s" + scenario.id() + "/" + name + (pool > 0 ? "-" + pool : "");
        RunResult result;
        try (Contender contender = Contender.create(name, target, pool)) {
            if (flags.containsKey("warmup-only")) {
                warmOnly(contender, scenario, prefix, warmup, maxWarmup, flags);
                System.exit(0);
            }
            result = switch (scenario.kind()) {
                case PUT, PUT_WITH_CALLBACK -> puts(contender, name, scenario, prefix, warmup, maxWarmup);
                case FILE, STREAM, BATCH -> single(contender, name, scenario, prefix, warmup, maxWarmup,
                        upload(contender, scenario, flags));
            };
        }
        System.out.println(RESULT + JsonMapper.builder().build().writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    private static RunResult puts(Contender contender, String name, Scenario scenario, String prefix,
            Duration warmup, Duration maxWarmup) throws Exception {
        byte[] data = new byte[(int) scenario.objectBytes()];
        new Random(scenario.id()).nextBytes(data);
        boolean callback = scenario.kind() == Scenario.Kind.PUT_WITH_CALLBACK;
        double warmedFor = Warmup.run(warmup, maxWarmup, scenario.warmupRounds(), round -> {
            String warm = prefix + "/warmup-" + round;
            contender.prepare(warm, scenario.warmupObjects(), data, callback);
            contender.putObjects(warm, scenario.warmupObjects(), data, scenario.concurrency(), callback,
                    new Latencies(scenario.warmupObjects()));
        });
        String run = prefix + "/run";
        contender.prepare(run, scenario.objects(), data, callback);
        Latencies latencies = new Latencies(scenario.objects());
        Probe probe = settleAndStart();
        try (probe) {
            contender.putObjects(run, scenario.objects(), data, scenario.concurrency(), callback, latencies);
        }
        return result(name, contender, scenario, probe, latencies, warmedFor);
    }

    /** One upload of a single-upload workload (file, stream, batch) to {@code key}, warm-up size or full. */
    private interface Upload {
        void run(String key, boolean full) throws Exception;
    }

    private static Upload upload(Contender contender, Scenario scenario, Map<String, String> flags) {
        long part = scenario.partBytes();
        int concurrency = scenario.concurrency();
        return switch (scenario.kind()) {
            case FILE -> (key, full) -> contender.uploadFile(key, Path.of(flags.get(full ? "file" : "warmup-file")),
                    part, concurrency);
            case STREAM -> (key, full) -> contender.uploadStream(key,
                    new SyntheticStream(full ? scenario.objectBytes() : scenario.warmupBytes()), part, concurrency);
            case BATCH -> (key, full) -> contender.uploadDirectory(key,
                    Path.of(flags.get(full ? "file" : "warmup-file")), concurrency, part);
            case PUT, PUT_WITH_CALLBACK -> throw new IllegalArgumentException("not a single upload: " + scenario);
        };
    }

    /**
     * Warms up on the smaller workload, times one full upload and, for the multipart kinds, repeats it
     * untimed to measure the heap it keeps alive.
     */
    private static RunResult single(Contender contender, String name, Scenario scenario, String prefix,
            Duration warmup, Duration maxWarmup, Upload upload) throws Exception {
        double warmedFor = Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                round -> upload.run(prefix + "/warmup-" + round, false));
        Latencies latencies = new Latencies(1);
        Probe probe = settleAndStart();
        try (probe) {
            long start = System.nanoTime();
            upload.run(prefix + "/run", true);
            latencies.since(start);
        }
        RunResult result = result(name, contender, scenario, probe, latencies, warmedFor);
        if (!scenario.multipart()) {
            return result;
        }
        try (LiveHeap live = LiveHeap.start()) {
            upload.run(prefix + "/heap", true);
            return result.withLiveHeap(live.peakMb());
        }
    }

    /** Runs the warm-up alone: the harness does so once per scenario to warm the emulator's JIT up. */
    private static void warmOnly(Contender contender, Scenario scenario, String prefix, Duration warmup,
            Duration maxWarmup, Map<String, String> flags) throws Exception {
        switch (scenario.kind()) {
            case PUT, PUT_WITH_CALLBACK -> {
                byte[] data = new byte[(int) scenario.objectBytes()];
                boolean callback = scenario.kind() == Scenario.Kind.PUT_WITH_CALLBACK;
                Warmup.run(warmup, maxWarmup, scenario.warmupRounds(), round -> {
                    String warm = prefix + "/emulator-warmup-" + round;
                    contender.prepare(warm, scenario.warmupObjects(), data, callback);
                    contender.putObjects(warm, scenario.warmupObjects(), data, scenario.concurrency(), callback,
                            new Latencies(scenario.warmupObjects()));
                });
            }
            case FILE, STREAM, BATCH -> {
                Upload upload = upload(contender, scenario, flags);
                Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                        round -> upload.run(prefix + "/emulator-warmup-" + round, false));
            }
        }
    }

    /** Collects the warm-up's garbage and lets its stragglers finish before the clock starts. */
    private static Probe settleAndStart() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
        System.out.println(MEASURING);
        System.out.flush();
        return Probe.start();
    }

    private static RunResult result(String name, Contender contender, Scenario scenario, Probe probe,
            Latencies latencies, double warmupSeconds) {
        double seconds = probe.wallSeconds();
        long bytes = scenario.totalBytes();
        return new RunResult(name, contender.configuration(), scenario.objects(), bytes, seconds,
                scenario.objects() / seconds, bytes / 1e6 / seconds, latencies.quantileMillis(0.50),
                latencies.quantileMillis(0.99), probe.peakHeapAfterGcMb(), probe.peakHeapSampledMb(),
                probe.peakDirectMb(), probe.peakThreads(), probe.cpuSeconds(), warmupSeconds, probe.jitMillis(), 0,
                Double.NaN, null);
    }

    static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String flag = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            flags.put(flag, hasValue ? args[++i] : "");
        }
        return flags;
    }
}
