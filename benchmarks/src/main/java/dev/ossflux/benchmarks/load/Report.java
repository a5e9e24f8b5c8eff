package dev.ossflux.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The results of one harness run: {@code latest.json}, the summary tables and the targets met or missed. */
final class Report {

    /**
     * One scenario's reported results against one server (the SDK at its best pool size) and every
     * SDK pool size tried.
     *
     * @param server {@code stub} or {@code emulator}
     * @param load the machine's load average when the scenario started and when it ended
     */
    record ScenarioResults(Scenario scenario, String server, String load, List<RunResult> results,
            List<RunResult> sdkVariants) {

        Optional<RunResult> of(String contender) {
            return results.stream().filter(run -> run.contender().equals(contender) && run.ok()).findFirst();
        }
    }

    private final boolean quick;
    private final double crcGbPerSecond;
    private final List<ScenarioResults> scenarios;
    private final double seconds;

    Report(boolean quick, double crcGbPerSecond, List<ScenarioResults> scenarios, double seconds) {
        this.quick = quick;
        this.crcGbPerSecond = crcGbPerSecond;
        this.scenarios = scenarios;
        this.seconds = seconds;
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine());
        root.put("run", Map.of("mode", quick ? "quick" : "full", "finishedAt", Instant.now().toString(),
                "seconds", Math.round(seconds),
                "isolation", Launcher.ownSessions() ? "each JVM (servers, every contender run) in a session of its "
                        + "own (setsid), so the scheduler shares CPU among processes before threads"
                        : "no setsid: JVMs share the harness's session",
                "servers", "stub: answers PutObject from a table of the harness's bodies, hashes one body in 64 "
                        + "in full; emulator: testkit emulator in sink mode, hashes every body (MD5 and CRC-64)",
                "units", "MB and GB are 10^6 and 10^9 bytes; heap and direct memory in MiB; latencies per upload "
                        + "(one upload per run in the multipart scenarios); medians of the measured rounds; "
                        + "peakHeapMb is the largest heap in use after a GC"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (ScenarioResults s : scenarios) {
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("id", s.scenario().id());
            scenario.put("name", s.scenario().name());
            scenario.put("server", s.server());
            scenario.put("loadAverage", s.load());
            scenario.put("objects", s.scenario().objects());
            scenario.put("objectBytes", s.scenario().objectBytes());
            scenario.put("concurrency", s.scenario().concurrency());
            scenario.put("partBytes", s.scenario().partBytes());
            scenario.put("results", s.results().stream().map(run -> json(run, s)).toList());
            scenario.put("aliyunSdkOssPoolSizes", s.sdkVariants().stream().map(run -> json(run, s)).toList());
            list.add(scenario);
        }
        root.put("scenarios", list);
        root.put("targets", Goals.check(scenarios, crcGbPerSecond).stream().map(goal -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("scenario", goal.scenario());
            json.put("server", goal.server());
            json.put("target", goal.what() + " " + goal.sign() + " " + goal.bound());
            json.put("value", round(goal.value()));
            json.put("met", goal.met());
            return json;
        }).toList());
        Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(root) + "\n");
    }

    private Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("crc64GbPerSecondOneCore", round(crcGbPerSecond));
        machine.put("note", "2 cores shared with the server and with other work on the machine: compare "
                + "contenders within this run only");
        return machine;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, Object> json(RunResult run, ScenarioResults s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("contender", run.contender());
        json.put("configuration", run.configuration());
        if (!run.ok()) {
            json.put("error", run.error());
            return json;
        }
        json.put("rounds", run.rounds());
        json.put("opsPerSec", round(run.opsPerSec()));
        json.put("mbPerSec", round(run.mbPerSec()));
        json.put("wallSeconds", round(run.wallSeconds()));
        json.put("p50Ms", round(run.p50Ms()));
        json.put("p99Ms", round(run.p99Ms()));
        json.put("peakHeapMb", round(run.peakHeapMb()));
        json.put("peakThreads", run.peakThreads());
        json.put("cpuSeconds", round(run.cpuSeconds()));
        json.put("cpuSecondsPerGb", round(run.cpuSecondsPerGb()));
        Optional<RunResult> ossflux = s.of(Contender.OSSFLUX);
        json.put("throughputVsOssflux", ossflux.map(o -> round(run.opsPerSec() / o.opsPerSec())).orElse(null));
        json.put("cpuPerGbVsOssflux", ossflux.map(o -> round(run.cpuSecondsPerGb() / o.cpuSecondsPerGb()))
                .orElse(null));
        json.put("peakHeapSampledMb", round(run.peakHeapSampledMb()));
        json.put("peakDirectMb", round(run.peakDirectMb()));
        if (!Double.isNaN(run.peakLiveHeapMb())) {
            json.put("peakLiveHeapMb", round(run.peakLiveHeapMb()));
        }
        json.put("warmupSeconds", round(run.warmupSeconds()));
        json.put("jitMsDuringRun", run.jitMs());
        json.put("gcCountDuringRun", run.gcCount());
        json.put("gcMsDuringRun", run.gcMs());
        if (run.server() != null) {
            json.put("serverCpuSeconds", round(run.server().cpuSeconds()));
            json.put("serverCpuSecondsPerGb", round(run.serverCpuSecondsPerGb()));
            json.put("serverCheckedBodies", run.server().checked());
            json.put("serverMismatches", run.server().mismatches());
            json.put("serverRefused", run.server().refused());
        }
        return json;
    }

    private static Double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        double scale = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 100 : 1000;
        return Math.round(value * scale) / scale;
    }

    /** One run as a line of progress output. */
    static String line(RunResult run) {
        if (!run.ok()) {
            return String.format(Locale.ROOT, "%-20s FAILED %s", run.contender(), run.error());
        }
        RunResult.Server server = run.server();
        return String.format(Locale.ROOT, "%-20s %-11s %9.1f ops/s %8.1f MB/s  wall %6.2f s  p50 %7.1f ms  "
                        + "p99 %7.1f ms  heap %5.0f MiB  threads %4d  cpu %6.2f s (%5.2f s/GB)  server cpu %5.2f s "
                        + "(%5.2f s/GB, %d checked, %d mismatches, %d refused)  warm-up %4.1f s, JIT in run %d ms, "
                        + "GC in run %d (%d ms)",
                run.contender(), run.configuration(), run.opsPerSec(), run.mbPerSec(), run.wallSeconds(), run.p50Ms(),
                run.p99Ms(), run.peakHeapMb(), run.peakThreads(), run.cpuSeconds(), run.cpuSecondsPerGb(),
                server == null ? Double.NaN : server.cpuSeconds(), run.serverCpuSecondsPerGb(),
                server == null ? 0 : server.checked(), server == null ? 0 : server.mismatches(),
                server == null ? 0 : server.refused(), run.warmupSeconds(), run.jitMs(), run.gcCount(), run.gcMs());
    }

    /** The summary table: one row per scenario, server and contender, with ratios to ossflux. */
    String table() {
        StringBuilder out = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-3s %-8s %-20s %-11s %9s %8s %7s %8s %8s %6s %7s %7s %8s %8s "
                + "%7s %7s%n", "#", "server", "contender", "config", "ops/s", "MB/s", "wall s", "p50 ms", "p99 ms",
                "heap", "threads", "CPU s", "CPU s/GB", "srv s/GB", "x ops", "x CPU");
        out.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (ScenarioResults s : scenarios) {
            Optional<RunResult> ossflux = s.of(Contender.OSSFLUX);
            for (RunResult run : s.results()) {
                if (!run.ok()) {
                    out.append(String.format(Locale.ROOT, "%-3d %-8s %-20s failed: %s%n", s.scenario().id(),
                            s.server(), run.contender(), run.error()));
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-3d %-8s %-20s %-11s %9.1f %8.1f %7.2f %8.1f %8.1f %6.0f "
                                + "%7d %7.2f %8.2f %8.2f %7s %7s%n", s.scenario().id(), s.server(), run.contender(),
                        run.configuration(), run.opsPerSec(), run.mbPerSec(), run.wallSeconds(), run.p50Ms(),
                        run.p99Ms(), run.peakHeapMb(), run.peakThreads(), run.cpuSeconds(), run.cpuSecondsPerGb(),
                        run.serverCpuSecondsPerGb(), ratio(run, ossflux, RunResult::opsPerSec),
                        ratio(run, ossflux, RunResult::cpuSecondsPerGb)));
            }
        }
        return out.toString();
    }

    /** The summary table, the stub's checks and the targets in Markdown, for the README. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| # | server | contender | config | ops/s | MB/s | wall s | p50 ms | p99 ms | heap MiB | threads "
                + "| GCs (ms) | CPU s | CPU s/GB | server CPU s/GB | ops/s ÷ ossflux | CPU/GB ÷ ossflux |\n");
        out.append("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        StringBuilder checks = new StringBuilder();
        for (ScenarioResults s : scenarios) {
            Optional<RunResult> ossflux = s.of(Contender.OSSFLUX);
            long checked = 0;
            long mismatches = 0;
            long refused = 0;
            for (RunResult run : s.results()) {
                if (!run.ok()) {
                    out.append(String.format(Locale.ROOT, "| %d | %s | %s | failed | | | | | | | | | | | | | |%n",
                            s.scenario().id(), s.server(), run.contender()));
                    continue;
                }
                String heap = String.format(Locale.ROOT, "%.0f", run.peakHeapMb())
                        + (Double.isNaN(run.peakLiveHeapMb()) ? ""
                        : String.format(Locale.ROOT, " (live %.0f)", run.peakLiveHeapMb()));
                out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %.1f | %.1f | %.2f | %.1f | %.1f | %s "
                                + "| %d | %d (%d) | %.2f | %.2f | %.2f | %s | %s |%n", s.scenario().id(), s.server(),
                        run.contender(), run.configuration(), run.opsPerSec(), run.mbPerSec(), run.wallSeconds(),
                        run.p50Ms(), run.p99Ms(), heap, run.peakThreads(), run.gcCount(), run.gcMs(), run.cpuSeconds(),
                        run.cpuSecondsPerGb(),
                        run.serverCpuSecondsPerGb(), ratio(run, ossflux, RunResult::opsPerSec),
                        ratio(run, ossflux, RunResult::cpuSecondsPerGb)));
                if (run.server() != null) {
                    checked += run.server().checked();
                    mismatches += run.server().mismatches();
                    refused += run.server().refused();
                }
            }
            if (s.server().equals(ServerProcess.Mode.STUB.label())) {
                checks.append(String.format(Locale.ROOT, "- scenario %d (load %s): the stub checked %d table "
                        + "payloads in full (it hashes every body outside its table), %d mismatches, %d requests "
                        + "refused%n", s.scenario().id(), s.load(), checked, mismatches, refused));
            } else {
                checks.append(String.format(Locale.ROOT, "- scenario %d (load %s): emulator%n", s.scenario().id(),
                        s.load()));
            }
        }
        out.append('\n').append(checks);
        out.append("\n| scenario | server | target | this run | needs | |\n|--:|---|---|--:|--:|---|\n");
        for (Goals.Goal goal : Goals.check(scenarios, crcGbPerSecond)) {
            out.append(String.format(Locale.ROOT, "| %d | %s | %s | %.2f | %s %.2f | %s |%n", goal.scenario(),
                    goal.server(), goal.what(), goal.value(), goal.sign(), goal.bound(),
                    goal.met() ? "met" : "**missed**"));
        }
        return out.toString();
    }

    /** The targets as text lines. */
    String goals() {
        StringBuilder out = new StringBuilder("\ntargets (ratios within this run):\n");
        for (Goals.Goal goal : Goals.check(scenarios, crcGbPerSecond)) {
            out.append(String.format(Locale.ROOT, "  [%s] scenario %d (%s): %s — %.2f (needs %s %.2f)%n",
                    goal.met() ? "met" : "MISSED", goal.scenario(), goal.server(), goal.what(), goal.value(),
                    goal.sign(), goal.bound()));
        }
        return out.toString();
    }

    private static String ratio(RunResult run, Optional<RunResult> ossflux,
            java.util.function.ToDoubleFunction<RunResult> field) {
        return ossflux.map(o -> String.format(Locale.ROOT, "%.2f", field.applyAsDouble(run) / field.applyAsDouble(o)))
                .orElse("-");
    }
}
