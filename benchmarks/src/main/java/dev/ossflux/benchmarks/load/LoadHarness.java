package dev.ossflux.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load harness: {@code java -jar ossflux-benchmarks.jar [--quick]}. Starts the servers in JVMs
 * of their own (the {@link StubServer}, which measures clients, and the emulator in sink mode for
 * end-to-end runs) and a callback receiver, then runs every
 * contender in every scenario, each (scenario, contender) in a fresh child JVM ({@link ContenderMain}),
 * and writes {@code benchmarks/results/latest.json}, one PNG chart per scenario and a summary table.
 *
 * <p>Flags: {@code --quick} (every scenario scaled down), {@code --scenarios 1,3}, {@code --contenders
 * ossflux,raw-netty}, {@code --server stub|emulator|both} (which server the scenarios use;
 * default stub), {@code --rounds N} (measured rounds per child, the median is reported; the cold
 * scenario runs N fresh JVMs per contender, interleaved), {@code --sdk-pools 32,256} (thread-pool sizes
 * tried for aliyun-sdk-oss; the best is reported), {@code --out DIR} (default {@code benchmarks/results}),
 * {@code --jfr DIR} (a JFR recording per child), {@code --profile DIR} and {@code --profile-event cpu|alloc|wall}
 * (async-profiler around every measured round, collapsed stacks), {@code --child-jvm-args "ARGS"},
 * {@code --warmup-seconds N} and {@code --max-warmup-seconds N} (the warm-up runs at least the first and
 * goes on until the JIT is quiet or the second has passed).
 */
public final class LoadHarness {

    static final String BUCKET = "bench";
    static final List<String> CONTENDERS = List.of(Contender.OSSFLUX, Contender.OSSFLUX_BYTE_BUFFER,
            Contender.ALIYUN_SDK_OSS, Contender.ALIBABACLOUD_OSS_V2, Contender.RAW_NETTY);

    private final Map<String, String> flags;
    private final boolean quick;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classpath = System.getProperty("java.class.path");
    private final Path work;
    /** The child JVM running now, stopped with the harness (children have sessions of their own). */
    private volatile Process running;

    private LoadHarness(Map<String, String> flags) throws IOException {
        this.flags = flags;
        this.quick = flags.containsKey("quick");
        this.work = Files.createTempDirectory("ossflux-bench-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = ContenderMain.flags(args);
        if (flags.containsKey("help")) {
            System.out.println("usage: java -jar ossflux-benchmarks.jar [--quick] [--scenarios 1,2,3,4,5,6,7] "
                    + "[--contenders " + String.join(",", CONTENDERS) + "] [--server stub|emulator|both] "
                    + "[--rounds N] [--sdk-pools 16,64,256] [--out DIR] [--jfr DIR] [--profile DIR] "
                    + "[--profile-event E] [--child-jvm-args \"ARGS\"] [--warmup-seconds N] [--max-warmup-seconds N]");
            return;
        }
        new LoadHarness(flags).run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        List<Scenario> scenarios = selected(Scenario.all(quick));
        List<String> contenders = flags.containsKey("contenders")
                ? List.of(flags.get("contenders").split(",")) : CONTENDERS;
        List<Integer> pools = Arrays.stream(flags.getOrDefault("sdk-pools", quick ? "32,256" : "16,64,256")
                .split(",")).map(Integer::parseInt).toList();
        Path out = Path.of(flags.getOrDefault("out", "benchmarks/results"));
        Files.createDirectories(out);
        System.out.printf("ossflux load harness (%s); work files in %s; load average %s%n", quick ? "quick" : "full",
                work, LoadAverage.now());
        double crcGbPerSecond = Crc64Probe.gbPerSecondOnOneCore();
        System.out.printf("CRC-64 (ossflux) on one core: %.2f GB/s%n", crcGbPerSecond);
        Map<Integer, Path[]> files = dataFiles(scenarios);
        List<Report.ScenarioResults> results = new ArrayList<>();
        Map<ServerProcess.Mode, ServerProcess> servers = new EnumMap<>(ServerProcess.Mode.class);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process child = running;
            if (child != null) {
                child.destroyForcibly();
            }
            servers.values().forEach(ServerProcess::kill);
        }, "bench-shutdown"));
        try (CallbackReceiver receiver = CallbackReceiver.start()) {
            startServers(scenarios, servers);
            servers.values().forEach(server -> System.out.println(server.mode().label() + " (pid " + server.pid()
                    + ") at " + server.endpoint()));
            System.out.println("callback receiver at " + receiver.url());
            for (Scenario scenario : scenarios) {
                for (ServerProcess.Mode mode : modes(scenario)) {
                    System.out.println();
                    System.out.println("scenario " + scenario.id() + ": " + scenario.name() + " (" + mode.label()
                            + " server; load average " + LoadAverage.now() + ")");
                    results.add(runScenario(scenario, contenders, pools, servers.get(mode), receiver, files));
                }
            }
        } finally {
            for (ServerProcess server : servers.values()) {
                server.close();
            }
            for (Path[] pair : files.values()) {
                for (Path file : pair) {
                    BatchTree.delete(file);
                }
            }
        }
        if (results.stream().allMatch(s -> s.results().stream().allMatch(RunResult::ok)
                && s.sdkVariants().stream().allMatch(RunResult::ok))) {
            deleteWork();
        }
        Report report = new Report(quick, crcGbPerSecond, results, (System.nanoTime() - started) / 1e9);
        report.writeJson(out.resolve("latest.json"));
        Files.writeString(out.resolve("latest.md"), report.markdown());
        List<Path> charts = Charts.write(out, results);
        System.out.println();
        System.out.print(report.table());
        System.out.print(report.goals());
        System.out.printf("%nwrote %s and %d charts in %s (%.0f s; load average %s)%n", out.resolve("latest.json"),
                charts.size(), out, (System.nanoTime() - started) / 1e9, LoadAverage.now());
    }

    /**
     * Runs every contender (the SDK at every pool size) in one scenario against {@code server} and
     * folds each one's rounds into its median. Warm scenarios measure their rounds in one child JVM;
     * the cold one starts a JVM per round, contenders interleaved, so that a noisy minute on the
     * machine spreads over all of them.
     */
    private Report.ScenarioResults runScenario(Scenario scenario, List<String> contenders, List<Integer> pools,
            ServerProcess server, CallbackReceiver receiver, Map<Integer, Path[]> files)
            throws IOException, InterruptedException {
        String loadBefore = LoadAverage.now();
        warmServer(scenario, server, receiver, files);
        int rounds = rounds();
        Map<String, List<RunResult>> byRun = new LinkedHashMap<>();
        for (int pass = 0; pass < (scenario.kind() == Scenario.Kind.COLD ? rounds : 1); pass++) {
            for (String contender : contenders.stream().filter(scenario::runs).toList()) {
                boolean pooled = contender.equals(Contender.ALIYUN_SDK_OSS) && !scenario.multipart();
                for (int pool : pooled ? pools : List.of(8)) {
                    List<RunResult> measured = runChild(scenario, contender, pool, server, receiver, files, false);
                    byRun.computeIfAbsent(contender + "/" + pool, key -> new ArrayList<>()).addAll(measured);
                    if (scenario.kind() == Scenario.Kind.COLD) {
                        for (RunResult run : measured) {
                            System.out.println("  round " + (pass + 1) + ": " + Report.line(run));
                        }
                    }
                }
            }
        }
        List<RunResult> runs = new ArrayList<>();
        List<RunResult> sdkVariants = new ArrayList<>();
        for (List<RunResult> measured : byRun.values()) {
            RunResult run = RunResult.median(measured);
            System.out.println("  " + Report.line(run));
            (run.contender().equals(Contender.ALIYUN_SDK_OSS) ? sdkVariants : runs).add(run);
        }
        sdkVariants.stream().filter(RunResult::ok).max(Comparator.comparingDouble(RunResult::opsPerSec))
                .or(() -> sdkVariants.stream().findFirst())
                .ifPresent(best -> runs.add(Math.min(runs.size(),
                        (int) runs.stream().filter(run -> run.contender().startsWith(Contender.OSSFLUX)).count()),
                        best));
        return new Report.ScenarioResults(scenario, server.mode().label(), loadBefore + " → " + LoadAverage.now(),
                runs, sdkVariants);
    }

    private int rounds() {
        return Integer.parseInt(flags.getOrDefault("rounds", quick ? "1" : "3"));
    }

    /** Which servers a scenario runs against. */
    private List<ServerProcess.Mode> modes(Scenario scenario) {
        return switch (flags.getOrDefault("server", "stub")) {
            case "stub" -> List.of(ServerProcess.Mode.STUB);
            case "emulator" -> List.of(ServerProcess.Mode.EMULATOR);
            case "both" -> List.of(ServerProcess.Mode.STUB, ServerProcess.Mode.EMULATOR);
            default -> throw new IllegalArgumentException("--server is stub, emulator or both: "
                    + flags.get("server"));
        };
    }

    private void startServers(List<Scenario> scenarios, Map<ServerProcess.Mode, ServerProcess> servers)
            throws IOException {
        List<ServerProcess.Mode> needed = scenarios.stream().flatMap(scenario -> modes(scenario).stream()).distinct()
                .toList();
        if (needed.contains(ServerProcess.Mode.STUB)) {
            List<Integer> sizes = scenarios.stream().filter(Scenario::puts)
                    .map(scenario -> (int) scenario.objectBytes()).distinct().toList();
            servers.put(ServerProcess.Mode.STUB, ServerProcess.stub(java, classpath, sizes, work.resolve("stub.log")));
        }
        if (needed.contains(ServerProcess.Mode.EMULATOR)) {
            servers.put(ServerProcess.Mode.EMULATOR, ServerProcess.emulator(java, classpath, BUCKET,
                    work.resolve("emulator.log")));
        }
    }

    /** Removes the work directory (child logs) once every run succeeded; failures keep it for their logs. */
    private void deleteWork() throws IOException {
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(work);
    }

    private List<Scenario> selected(List<Scenario> all) {
        if (!flags.containsKey("scenarios")) {
            return all;
        }
        List<Integer> ids = Arrays.stream(flags.get("scenarios").split(",")).map(Integer::parseInt).toList();
        return all.stream().filter(scenario -> ids.contains(scenario.id())).toList();
    }

    /**
     * The file of scenario 3 and the directory tree of the batch, each with a smaller one for the
     * warm-up: random bytes written once per harness run.
     */
    private Map<Integer, Path[]> dataFiles(List<Scenario> scenarios) throws IOException {
        Map<Integer, Path[]> files = new HashMap<>();
        for (Scenario scenario : scenarios) {
            Path data = work.resolve("scenario-" + scenario.id());
            Path warmup = work.resolve("scenario-" + scenario.id() + "-warmup");
            if (scenario.kind() == Scenario.Kind.FILE) {
                files.put(scenario.id(), new Path[] {write(data, scenario.objectBytes()),
                        write(warmup, scenario.warmupBytes())});
            } else if (scenario.kind() == Scenario.Kind.BATCH) {
                files.put(scenario.id(), new Path[] {BatchTree.write(data, scenario.objects()),
                        BatchTree.write(warmup, scenario.warmupObjects())});
            }
        }
        return files;
    }

    private static Path write(Path file, long size) throws IOException {
        byte[] block = new byte[8 * 1024 * 1024];
        Random random = new Random(3);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    /**
     * Warms the server's JIT up on this scenario with an untimed raw-netty pass (the SDK's in the
     * batch, which raw-netty does not run), so that the first contender measured does not share the
     * cores with the server's compiler.
     */
    private void warmServer(Scenario scenario, ServerProcess server, CallbackReceiver receiver,
            Map<Integer, Path[]> files) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String contender = scenario.runs(Contender.RAW_NETTY) ? Contender.RAW_NETTY : Contender.ALIYUN_SDK_OSS;
        runChild(scenario, contender, 16, server, receiver, files, true);
        System.out.printf("  (%s warmed up by an untimed %s pass, %.0f s)%n", server.mode().label(), contender,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs one child JVM and answers its measured rounds, each with what the server spent and checked
     * between the child's {@link ContenderMain#MEASURING} and {@link ContenderMain#MEASURED} lines.
     */
    private List<RunResult> runChild(Scenario scenario, String contender, int pool, ServerProcess server,
            CallbackReceiver receiver, Map<Integer, Path[]> files, boolean warmupOnly)
            throws IOException, InterruptedException {
        String configuration = contender.equals(Contender.ALIYUN_SDK_OSS) && !scenario.multipart()
                ? pool + " threads" : "";
        List<String> command = new ArrayList<>(List.of(java));
        if (flags.containsKey("jfr") && !warmupOnly) {
            Path dir = Files.createDirectories(Path.of(flags.get("jfr")));
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + dir.resolve("s" + scenario.id() + "-"
                    + server.mode().label() + "-" + contender + (configuration.isEmpty() ? "" : "-" + pool) + "-"
                    + System.nanoTime() + ".jfr"));
        }
        if (flags.containsKey("child-jvm-args") && !warmupOnly) {
            command.addAll(List.of(flags.get("child-jvm-args").trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath, ContenderMain.class.getName(),
                "--contender", contender, "--scenario", Integer.toString(scenario.id()),
                "--endpoint", server.endpoint(), "--bucket", BUCKET, "--callback-url", receiver.url(),
                "--pool", Integer.toString(pool), "--rounds", Integer.toString(rounds())));
        if (quick) {
            command.add("--quick");
        }
        if (warmupOnly) {
            command.add("--warmup-only");
            if (quick) {
                command.addAll(List.of("--warmup-seconds", "0", "--max-warmup-seconds", "1"));
            }
        }
        for (String passed : List.of("warmup-seconds", "max-warmup-seconds")) {
            if (flags.containsKey(passed) && !(warmupOnly && quick)) {
                command.addAll(List.of("--" + passed, flags.get(passed)));
            }
        }
        for (String passed : List.of("profile", "profile-event")) {
            if (flags.containsKey(passed) && !warmupOnly) {
                command.addAll(List.of("--" + passed, flags.get(passed)));
            }
        }
        Path[] data = files.get(scenario.id());
        if (data != null) {
            command.addAll(List.of("--file", data[0].toString(), "--warmup-file", data[1].toString()));
        }
        Path log = work.resolve("s" + scenario.id() + "-" + server.mode().label() + "-" + contender + "-" + pool
                + ".log");
        Process child = new ProcessBuilder(Launcher.command(command)).redirectError(log.toFile()).start();
        running = child;
        List<RunResult.Server> serverSide = new ArrayList<>();
        List<RunResult> results = new ArrayList<>();
        double cpuAtStart = 0;
        ServerProcess.Stats statsAtStart = ServerProcess.Stats.NONE;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(ContenderMain.MEASURING)) {
                    cpuAtStart = server.cpuSeconds();
                    statsAtStart = server.stats();
                } else if (line.equals(ContenderMain.MEASURED)) {
                    double cpu = server.cpuSeconds() - cpuAtStart;
                    ServerProcess.Stats stats = server.stats().minus(statsAtStart);
                    serverSide.add(new RunResult.Server(server.mode().label(), cpu, stats.checked(),
                            stats.mismatches(), stats.refused()));
                } else if (line.startsWith(ContenderMain.RESULT)) {
                    RunResult result = JsonMapper.builder().build().readValue(
                            line.substring(ContenderMain.RESULT.length()), RunResult.class);
                    results.add(result.withServer(serverSide.get(results.size())));
                }
            }
        }
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        running = null;
        if (!warmupOnly && results.isEmpty()) {
            String tail = tail(log);
            return List.of(RunResult.failed(contender, configuration, "exit " + child.exitValue() + ": " + tail));
        }
        return results;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.stream().filter(line -> line.contains("Exception") || line.contains("Error"))
                .findFirst().orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)) + " (log " + log
                + ")";
    }
}
