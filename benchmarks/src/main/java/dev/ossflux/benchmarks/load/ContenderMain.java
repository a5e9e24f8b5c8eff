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
                quick ? "2" : "30")));
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
                case FILE -> file(contender, name, scenario, prefix, warmup, maxWarmup, Path.of(flags.get("file")),
                        Path.of(flags.get("warmup-file")));
                case STREAM -> stream(contender, name, scenario, prefix, warmup, maxWarmup);
                case BATCH -> batch(contender, name, scenario, prefix, warmup, maxWarmup, Path.of(flags.get("file")),
                        Path.of(flags.get("warmup-file")));
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

    private static RunResult file(Contender contender, String name, Scenario scenario, String prefix,
            Duration warmup, Duration maxWarmup, Path file, Path warmupFile) throws Exception {
        double warmedFor = Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                round -> contender.uploadFile(prefix + "/warmup-" + round, warmupFile, scenario.partBytes(),
                        scenario.concurrency()));
        Latencies latencies = new Latencies(1);
        Probe probe = settleAndStart();
        try (probe) {
            long start = System.nanoTime();
            contender.uploadFile(prefix + "/run", file, scenario.partBytes(), scenario.concurrency());
            latencies.since(start);
        }
        double liveHeap;
        try (LiveHeap live = LiveHeap.start()) {
            contender.uploadFile(prefix + "/heap", file, scenario.partBytes(), scenario.concurrency());
            liveHeap = live.peakMb();
        }
        return result(name, contender, scenario, probe, latencies, warmedFor).withLiveHeap(liveHeap);
    }

    private static RunResult stream(Contender contender, String name, Scenario scenario, String prefix,
            Duration warmup, Duration maxWarmup) throws Exception {
        double warmedFor = Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                round -> contender.uploadStream(prefix + "/warmup-" + round,
                        new SyntheticStream(scenario.warmupBytes()), scenario.partBytes(), scenario.concurrency()));
        Latencies latencies = new Latencies(1);
        Probe probe = settleAndStart();
        try (probe) {
            long start = System.nanoTime();
            contender.uploadStream(prefix + "/run", new SyntheticStream(scenario.objectBytes()),
                    scenario.partBytes(), scenario.concurrency());
            latencies.since(start);
        }
        double liveHeap;
        try (LiveHeap live = LiveHeap.start()) {
            contender.uploadStream(prefix + "/heap", new SyntheticStream(scenario.objectBytes()),
                    scenario.partBytes(), scenario.concurrency());
            liveHeap = live.peakMb();
        }
        return result(name, contender, scenario, probe, latencies, warmedFor).withLiveHeap(liveHeap);
    }

    private static RunResult batch(Contender contender, String name, Scenario scenario, String prefix,
            Duration warmup, Duration maxWarmup, Path tree, Path warmupTree) throws Exception {
        double warmedFor = Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                round -> contender.uploadDirectory(prefix + "/warmup-" + round, warmupTree, scenario.concurrency(),
                        scenario.partBytes()));
        Latencies latencies = new Latencies(1);
        Probe probe = settleAndStart();
        try (probe) {
            long start = System.nanoTime();
            contender.uploadDirectory(prefix + "/run", tree, scenario.concurrency(), scenario.partBytes());
            latencies.since(start);
        }
        return result(name, contender, scenario, probe, latencies, warmedFor);
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
            case FILE -> Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                    round -> contender.uploadFile(prefix + "/emulator-warmup-" + round,
                            Path.of(flags.get("warmup-file")), scenario.partBytes(), scenario.concurrency()));
            case STREAM -> Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                    round -> contender.uploadStream(prefix + "/emulator-warmup-" + round,
                            new SyntheticStream(scenario.warmupBytes()), scenario.partBytes(), scenario.concurrency()));
            case BATCH -> Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                    round -> contender.uploadDirectory(prefix + "/emulator-warmup-" + round,
                            Path.of(flags.get("warmup-file")), scenario.concurrency(), scenario.partBytes()));
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
