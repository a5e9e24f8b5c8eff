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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load harness: {@code java -jar ossflux-benchmarks.jar [--quick]}. Starts the emulator in its
 * own JVM (sink mode) and a callback receiver, then runs every contender in every scenario, each
 * (scenario, contender) in a fresh child JVM ({@link ContenderMain}), and writes
 * {@code benchmarks/results/latest.json}, one PNG chart per scenario and a summary table.
 *
 * <p>Flags: {@code --quick} (every scenario scaled down), {@code --scenarios 1,3}, {@code --contenders
 * ossflux,raw-netty}, {@code --sdk-pools 32,256} (thread-pool sizes tried for aliyun-sdk-oss; the
 * best is reported), {@code --out DIR} (default {@code benchmarks/results}), {@code --jfr DIR} (a
 * JFR recording per child), {@code --warmup-seconds N} and {@code --max-warmup-seconds N} (the warm-up
 * runs at least the first and goes on until the JIT is quiet or the second has passed).
 */
public final class LoadHarness {

    static final String BUCKET = "bench";
    static final List<String> CONTENDERS = List.of(Contender.OSSFLUX, Contender.ALIYUN_SDK_OSS,
            Contender.ALIBABACLOUD_OSS_V2, Contender.RAW_NETTY);

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
            System.out.println("usage: java -jar ossflux-benchmarks.jar [--quick] [--scenarios 1,2,3,4,5,6] "
                    + "[--contenders " + String.join(",", CONTENDERS) + "] [--sdk-pools 16,64,256] [--out DIR] "
                    + "[--jfr DIR] [--warmup-seconds N] [--max-warmup-seconds N]");
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
        System.out.printf("ossflux load harness (%s); work files in %s%n", quick ? "quick" : "full", work);
        double crcGbPerSecond = Crc64Probe.gbPerSecondOnOneCore();
        System.out.printf("CRC-64 (ossflux) on one core: %.2f GB/s%n", crcGbPerSecond);
        Map<Integer, Path[]> files = dataFiles(scenarios);
        List<Report.ScenarioResults> results = new ArrayList<>();
        try (EmulatorProcess emulator = EmulatorProcess.start(java, classpath, BUCKET, work.resolve("emulator.log"));
                CallbackReceiver receiver = CallbackReceiver.start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Process child = running;
                if (child != null) {
                    child.destroyForcibly();
                }
                emulator.kill();
            }, "bench-shutdown"));
            System.out.println("emulator (sink mode, pid " + emulator.pid() + ") at " + emulator.endpoint()
                    + "; callback receiver at " + receiver.url());
            for (Scenario scenario : scenarios) {
                System.out.println();
                System.out.println("scenario " + scenario.id() + ": " + scenario.name());
                warmEmulator(scenario, emulator, receiver, files);
                List<RunResult> runs = new ArrayList<>();
                List<RunResult> sdkVariants = new ArrayList<>();
                for (String contender : contenders.stream().filter(scenario::runs).toList()) {
                    boolean pooled = contender.equals(Contender.ALIYUN_SDK_OSS) && !scenario.multipart();
                    for (int pool : pooled ? pools : List.of(8)) {
                        RunResult run = runChild(scenario, contender, pool, emulator, receiver, files);
                        System.out.println("  " + Report.line(run));
                        if (contender.equals(Contender.ALIYUN_SDK_OSS)) {
                            sdkVariants.add(run);
                        } else {
                            runs.add(run);
                        }
                    }
                }
                sdkVariants.stream().filter(RunResult::ok).max(Comparator.comparingDouble(RunResult::opsPerSec))
                        .or(() -> sdkVariants.stream().findFirst())
                        .ifPresent(best -> runs.add(Math.min(1, runs.size()), best));
                results.add(new Report.ScenarioResults(scenario, runs, sdkVariants));
            }
        } finally {
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
        System.out.print(report.targets());
        System.out.printf("%nwrote %s and %d charts in %s (%.0f s)%n", out.resolve("latest.json"), charts.size(),
                out, (System.nanoTime() - started) / 1e9);
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
     * Warms the emulator's JIT up on this scenario with an untimed raw-netty pass (the SDK's in the
     * batch, which raw-netty does not run), so that the first contender measured (ossflux) does not
     * share the cores with the emulator's compiler.
     */
    private void warmEmulator(Scenario scenario, EmulatorProcess emulator, CallbackReceiver receiver,
            Map<Integer, Path[]> files) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String contender = scenario.runs(Contender.RAW_NETTY) ? Contender.RAW_NETTY : Contender.ALIYUN_SDK_OSS;
        runChild(scenario, contender, 16, emulator, receiver, files, true);
        System.out.printf("  (emulator warmed up by an untimed %s pass, %.0f s)%n", contender,
                (System.nanoTime() - start) / 1e9);
    }

    private RunResult runChild(Scenario scenario, String contender, int pool, EmulatorProcess emulator,
            CallbackReceiver receiver, Map<Integer, Path[]> files) throws IOException, InterruptedException {
        return runChild(scenario, contender, pool, emulator, receiver, files, false);
    }

    private RunResult runChild(Scenario scenario, String contender, int pool, EmulatorProcess emulator,
            CallbackReceiver receiver, Map<Integer, Path[]> files, boolean warmupOnly)
            throws IOException, InterruptedException {
        String configuration = contender.equals(Contender.ALIYUN_SDK_OSS) && !scenario.multipart()
                ? pool + " threads" : "";
        List<String> command = new ArrayList<>(List.of(java));
        if (flags.containsKey("jfr")) {
            Path dir = Files.createDirectories(Path.of(flags.get("jfr")));
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + dir.resolve("s" + scenario.id() + "-"
                    + contender + (configuration.isEmpty() ? "" : "-" + pool) + ".jfr"));
        }
        command.addAll(List.of("-cp", classpath, ContenderMain.class.getName(),
                "--contender", contender, "--scenario", Integer.toString(scenario.id()),
                "--endpoint", emulator.endpoint(), "--bucket", BUCKET, "--callback-url", receiver.url(),
                "--pool", Integer.toString(pool)));
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
        Path[] data = files.get(scenario.id());
        if (data != null) {
            command.addAll(List.of("--file", data[0].toString(), "--warmup-file", data[1].toString()));
        }
        Path log = work.resolve("s" + scenario.id() + "-" + contender + "-" + pool + ".log");
        Process child = new ProcessBuilder(Launcher.command(command)).redirectError(log.toFile()).start();
        running = child;
        double emulatorCpuAtStart = 0;
        RunResult result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(ContenderMain.MEASURING)) {
                    emulatorCpuAtStart = emulator.cpuSeconds();
                } else if (line.startsWith(ContenderMain.RESULT)) {
                    double emulatorCpu = emulator.cpuSeconds() - emulatorCpuAtStart;
                    result = JsonMapper.builder().build().readValue(line.substring(ContenderMain.RESULT.length()),
                            RunResult.class).withEmulatorCpu(emulatorCpu);
                }
            }
        }
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        running = null;
        if (result == null) {
            String tail = tail(log);
            return RunResult.failed(contender, configuration, "exit " + child.exitValue() + ": " + tail);
        }
        return result;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.stream().filter(line -> line.contains("Exception") || line.contains("Error"))
                .findFirst().orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)) + " (log " + log
                + ")";
    }
}
