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

/** The results of one harness run: {@code latest.json}, the summary table and the targets met or missed. */
final class Report {

    /** One scenario's reported results (the SDK at its best pool size) and every SDK pool size tried. */
    record ScenarioResults(Scenario scenario, List<RunResult> results, List<RunResult> sdkVariants) {

        Optional<RunResult> of(String contender) {
            return results.stream().filter(run -> run.contender().equals(contender) && run.ok()).findFirst();
        }
    }

    /** A target of the issue, checked against this run. */
    record Target(String target, int scenario, double value, double required, boolean met) {
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
                "isolation", Launcher.ownSessions() ? "each JVM (emulator, every contender run) in a session of its "
                        + "own (setsid), so the scheduler shares CPU among processes before threads"
                        : "no setsid: JVMs share the harness's session",
                "emulator", "testkit emulator in its own JVM, sink mode: each body is hashed (MD5 and CRC-64) "
                        + "and discarded",
                "units", "MB and GB are 10^6 and 10^9 bytes; heap and direct memory in MiB; latencies per upload "
                        + "(one upload per run in the multipart scenarios); peakHeapMb is the largest heap in use "
                        + "after a GC, peakHeapSampledMb the largest used heap sampled every 50 ms"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (ScenarioResults s : scenarios) {
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("id", s.scenario().id());
            scenario.put("name", s.scenario().name());
            scenario.put("objects", s.scenario().objects());
            scenario.put("objectBytes", s.scenario().objectBytes());
            scenario.put("concurrency", s.scenario().concurrency());
            scenario.put("partBytes", s.scenario().partBytes());
            scenario.put("results", s.results().stream().map(run -> json(run, s)).toList());
            scenario.put("aliyunSdkOssPoolSizes", s.sdkVariants().stream().map(run -> json(run, s)).toList());
            list.add(scenario);
        }
        root.put("scenarios", list);
        root.put("targets", checkTargets());
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
        machine.put("note", "2 cores shared with the emulator and with other work on the machine: compare "
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
        json.put("opsPerSec", round(run.opsPerSec()));
        json.put("mbPerSec", round(run.mbPerSec()));
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
        json.put("configuration", run.configuration());
        json.put("wallSeconds", round(run.wallSeconds()));
        json.put("peakHeapSampledMb", round(run.peakHeapSampledMb()));
        json.put("peakDirectMb", round(run.peakDirectMb()));
        if (!Double.isNaN(run.peakLiveHeapMb())) {
            json.put("peakLiveHeapMb", round(run.peakLiveHeapMb()));
        }
        json.put("emulatorCpuSeconds", round(run.emulatorCpuSeconds()));
        json.put("warmupSeconds", round(run.warmupSeconds()));
        json.put("jitMsDuringRun", run.jitMs());
        if (!run.ok()) {
            json.put("error", run.error());
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
        return String.format(Locale.ROOT, "%-20s %-11s %9.1f ops/s %8.1f MB/s  p50 %7.1f ms  p99 %7.1f ms  "
                        + "heap %6.0f MiB (live %4.0f)  threads %4d  cpu %6.2f s (%5.2f s/GB)  emulator cpu %6.2f s  "
                        + "warm-up %4.1f s, JIT in run %d ms",
                run.contender(), run.configuration(), run.opsPerSec(), run.mbPerSec(), run.p50Ms(), run.p99Ms(),
                run.peakHeapMb(), run.peakLiveHeapMb(), run.peakThreads(), run.cpuSeconds(), run.cpuSecondsPerGb(),
                run.emulatorCpuSeconds(), run.warmupSeconds(), run.jitMs());
    }

    /** The summary table: one row per scenario and contender, with the throughput ratio to ossflux. */
    String table() {
        StringBuilder out = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-3s %-20s %-11s %10s %9s %9s %9s %9s %8s %8s %8s %9s%n", "#",
                "contender", "config", "ops/s", "MB/s", "p50 ms", "p99 ms", "heap MiB", "threads", "CPU s",
                "CPU s/GB", "x ossflux");
        out.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (ScenarioResults s : scenarios) {
            Optional<RunResult> ossflux = s.of(Contender.OSSFLUX);
            for (RunResult run : s.results()) {
                if (!run.ok()) {
                    out.append(String.format(Locale.ROOT, "%-3d %-20s failed: %s%n", s.scenario().id(),
                            run.contender(), run.error()));
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-3d %-20s %-11s %10.1f %9.1f %9.1f %9.1f %9.0f %8d %8.2f "
                                + "%8.2f %9s%n", s.scenario().id(), run.contender(), run.configuration(),
                        run.opsPerSec(), run.mbPerSec(), run.p50Ms(), run.p99Ms(), run.peakHeapMb(),
                        run.peakThreads(), run.cpuSeconds(), run.cpuSecondsPerGb(),
                        ossflux.map(o -> String.format(Locale.ROOT, "%.2f", run.opsPerSec() / o.opsPerSec()))
                                .orElse("-")));
            }
        }
        return out.toString();
    }

    /** The summary table and the targets in Markdown, for the README. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| # | contender | config | ops/s | MB/s | p50 ms | p99 ms | heap MiB | threads | CPU s | CPU s/GB "
                + "| throughput ÷ ossflux | CPU/GB ÷ ossflux |\n");
        out.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (ScenarioResults s : scenarios) {
            Optional<RunResult> ossflux = s.of(Contender.OSSFLUX);
            for (RunResult run : s.results()) {
                if (!run.ok()) {
                    out.append(String.format(Locale.ROOT, "| %d | %s | failed | | | | | | | | | | |%n",
                            s.scenario().id(), run.contender()));
                    continue;
                }
                String heap = String.format(Locale.ROOT, "%.0f", run.peakHeapMb())
                        + (Double.isNaN(run.peakLiveHeapMb()) ? ""
                        : String.format(Locale.ROOT, " (live %.0f)", run.peakLiveHeapMb()));
                out.append(String.format(Locale.ROOT, "| %d | %s | %s | %.1f | %.1f | %.1f | %.1f | %s | %d | %.2f "
                                + "| %.2f | %s | %s |%n", s.scenario().id(), run.contender(), run.configuration(),
                        run.opsPerSec(), run.mbPerSec(), run.p50Ms(), run.p99Ms(), heap, run.peakThreads(),
                        run.cpuSeconds(), run.cpuSecondsPerGb(),
                        ossflux.map(o -> String.format(Locale.ROOT, "%.2f", run.opsPerSec() / o.opsPerSec()))
                                .orElse("-"),
                        ossflux.map(o -> String.format(Locale.ROOT, "%.2f",
                                run.cpuSecondsPerGb() / o.cpuSecondsPerGb())).orElse("-")));
            }
        }
        out.append("\n| scenario | target | this run | needs | |\n|--:|---|--:|--:|---|\n");
        for (Target target : checkTargets()) {
            out.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.2f | %s |%n", target.scenario(),
                    target.target().replaceAll("[≤≥:]+$", "").trim(), target.value(), target.required(),
                    target.met() ? "met" : "**missed**"));
        }
        return out.toString();
    }

    /** The targets as text lines. */
    String targets() {
        StringBuilder out = new StringBuilder("\ntargets (ratios within this run):\n");
        for (Target target : checkTargets()) {
            out.append(String.format(Locale.ROOT, "  [%s] scenario %d: %s — %.2f (needs %s %.2f)%n",
                    target.met() ? "met" : "MISSED", target.scenario(), target.target(), target.value(),
                    target.target().contains("≤") ? "≤" : "≥", target.required()));
        }
        return out.toString();
    }

    List<Target> checkTargets() {
        List<Target> targets = new ArrayList<>();
        double crcSecondsPerGb = 1 / crcGbPerSecond;
        for (ScenarioResults s : scenarios) {
            int id = s.scenario().id();
            Optional<RunResult> ossflux = s.of(Contender.OSSFLUX);
            if (ossflux.isEmpty()) {
                continue;
            }
            RunResult o = ossflux.get();
            Optional<RunResult> bestSdk = s.results().stream().filter(RunResult::ok)
                    .filter(run -> run.contender().equals(Contender.ALIYUN_SDK_OSS)
                            || run.contender().equals(Contender.ALIBABACLOUD_OSS_V2))
                    .max(java.util.Comparator.comparingDouble(RunResult::opsPerSec));
            Optional<RunResult> raw = s.of(Contender.RAW_NETTY);
            if ((id == 1 || id == 5) && bestSdk.isPresent()) {
                RunResult sdk = bestSdk.get();
                targets.add(new Target("throughput ÷ best official SDK (" + sdk.contender() + ") ≥", id,
                        o.opsPerSec() / sdk.opsPerSec(), 1.5, o.opsPerSec() >= 1.5 * sdk.opsPerSec()));
                targets.add(new Target("peak threads ÷ that SDK's peak threads ≤", id,
                        (double) o.peakThreads() / sdk.peakThreads(), 0.1, o.peakThreads() * 10 <= sdk.peakThreads()));
                s.sdkVariants().stream().filter(RunResult::ok)
                        .max(java.util.Comparator.comparingInt(RunResult::peakThreads))
                        .filter(widest -> widest != sdk)
                        .ifPresent(widest -> targets.add(new Target("peak threads ÷ aliyun-sdk-oss's at "
                                + widest.configuration() + " (one per upload in flight) ≤", id,
                                (double) o.peakThreads() / widest.peakThreads(), 0.1,
                                o.peakThreads() * 10 <= widest.peakThreads())));
            }
            if (id <= 3 && raw.isPresent()) {
                targets.add(new Target("throughput ÷ raw-netty ≥", id, o.opsPerSec() / raw.get().opsPerSec(), 0.8,
                        o.opsPerSec() >= 0.8 * raw.get().opsPerSec()));
            }
            List<RunResult> sdks = s.results().stream().filter(RunResult::ok)
                    .filter(run -> !run.contender().equals(Contender.OSSFLUX)
                            && !run.contender().equals(Contender.RAW_NETTY)).toList();
            if (!sdks.isEmpty()) {
                double lowestSdk = sdks.stream().mapToDouble(RunResult::cpuSecondsPerGb).min().orElseThrow();
                targets.add(new Target("CPU s/GB ÷ lowest SDK CPU s/GB (lowest of all) ≤", id,
                        o.cpuSecondsPerGb() / lowestSdk, 1.0, o.cpuSecondsPerGb() <= lowestSdk));
            }
            if (raw.isPresent()) {
                double limit = 1.5 * (raw.get().cpuSecondsPerGb() + crcSecondsPerGb);
                targets.add(new Target("CPU s/GB ÷ (raw-netty + CRC-64 s/GB) ≤", id,
                        o.cpuSecondsPerGb() / (raw.get().cpuSecondsPerGb() + crcSecondsPerGb), 1.5,
                        o.cpuSecondsPerGb() <= limit));
            }
            if (s.scenario().kind() == Scenario.Kind.STREAM) {
                double bound = (s.scenario().concurrency() * s.scenario().partBytes() + 64 * Scenario.MIB)
                        / (1024.0 * 1024);
                targets.add(new Target("peak live heap (MiB, full GC every 200 ms) ≤ concurrency × part size "
                        + "+ 64 MiB:", id, o.peakLiveHeapMb(), bound, o.peakLiveHeapMb() <= bound));
            }
        }
        return targets;
    }
}
