package dev.ossflux.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The child JVM of one (scenario, contender) run: warms the contender up on the same workload, then
 * measures {@code --rounds} runs, each between the lines {@link #MEASURING} and {@link #MEASURED}
 * (the harness reads the server's CPU there) and printed as a JSON line after {@link #RESULT}. In
 * the cold scenario it measures one run from the JVM's start, without warm-up. The harness starts it
 * as {@code java -cp ossflux-benchmarks.jar dev.ossflux.benchmarks.load.ContenderMain --contender NAME
 * --scenario N [--quick] [--rounds R] --endpoint URL --bucket B --callback-url URL [--pool N]
 * [--file F --warmup-file W]}.
 */
public final class ContenderMain {

    /** Printed just before a measured run starts. */
    static final String MEASURING = "ossflux-bench measuring";
    /** Printed just after a measured run ends. */
    static final String MEASURED = "ossflux-bench measured";
    /** Prefixes a result line. */
    static final String RESULT = "ossflux-bench result ";

    private ContenderMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = flags(args);
        boolean quick = flags.containsKey("quick");
        Scenario scenario = Scenario.all(quick).get(Integer.parseInt(flags.get("scenario")) - 1);
        if (scenario.kind() == Scenario.Kind.COLD && !flags.containsKey("warmup-only")) {
            System.out.println(MEASURING);
            System.out.flush();
        }
        String name = flags.get("contender");
        int pool = Integer.parseInt(flags.getOrDefault("pool", "0"));
        int rounds = Integer.parseInt(flags.getOrDefault("rounds", quick ? "1" : "3"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("warmup-seconds", quick ? "1" : "5")));
        Duration maxWarmup = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("max-warmup-seconds",
                quick ? "2" : "45")));
        Target target = Target.of(flags.get("endpoint"), flags.get("bucket"), flags.get("callback-url"));
        String runName = name + (pool > 0 ? "-" + pool : "");
        String prefix = "s" + scenario.id() + "/" + runName;
        Profiler profiler = Profiler.of(flags, "s" + scenario.id() + "-" + runName);
        try (Contender contender = Contender.create(name, target, pool)) {
            Workload workload = Workload.of(contender, scenario, flags);
            if (flags.containsKey("warmup-only")) {
                Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                        round -> workload.warmupRound(prefix + "/server-warmup-" + round));
            } else if (scenario.kind() == Scenario.Kind.COLD) {
                print(result(name, contender, scenario, workload.measured(prefix + "/run",
                        () -> Probe.sinceJvmStart(profiler)), 0, profiler));
            } else {
                double warmedFor = Warmup.run(warmup, maxWarmup, scenario.warmupRounds(),
                        round -> workload.warmupRound(prefix + "/warmup-" + round));
                for (int round = 0; round < rounds; round++) {
                    Workload.Measured run = workload.measured(prefix + "/run-" + round, () -> settleAndStart(profiler));
                    RunResult result = result(name, contender, scenario, run, warmedFor, profiler);
                    print(round == rounds - 1 && scenario.multipart()
                            ? result.withLiveHeap(workload.liveHeapMb(prefix + "/heap")) : result);
                }
            }
        }
        System.exit(0);
    }

    private static void print(RunResult result) {
        System.out.println(RESULT + JsonMapper.builder().build().writeValueAsString(result));
        System.out.flush();
    }

    /** Collects the warm-up's garbage and lets its stragglers finish before the clock starts. */
    private static Probe settleAndStart(Profiler profiler) throws InterruptedException {
        System.gc();
        Thread.sleep(300);
        System.out.println(MEASURING);
        System.out.flush();
        return Probe.start(profiler);
    }

    /** Stops {@code probe} when a measured run ends, and tells the harness. */
    static void stop(Probe probe) {
        probe.close();
        System.out.println(MEASURED);
        System.out.flush();
    }

    private static RunResult result(String name, Contender contender, Scenario scenario, Workload.Measured run,
            double warmupSeconds, Profiler profiler) {
        Probe probe = run.probe();
        Latencies latencies = run.latencies();
        if (profiler != null) {
            profiler.save(latencies);
        }
        double seconds = probe.wallSeconds();
        long bytes = scenario.totalBytes();
        return new RunResult(name, contender.configuration(), scenario.objects(), bytes, seconds,
                scenario.objects() / seconds, bytes / 1e6 / seconds, latencies.quantileMillis(0.50),
                latencies.quantileMillis(0.99), probe.peakHeapAfterGcMb(), probe.peakHeapSampledMb(),
                probe.peakDirectMb(), probe.peakThreads(), probe.cpuSeconds(), warmupSeconds, probe.jitMillis(),
                probe.gcCount(), probe.gcMillis(), Double.NaN, 1, null, null);
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

    /** Where a file scenario's data lies: the full file (or tree) and the smaller one for the warm-up. */
    static Path dataFile(Map<String, String> flags, boolean full) {
        return Path.of(flags.get(full ? "file" : "warmup-file"));
    }
}
