package dev.ossflux.benchmarks.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The performance targets, checked against one harness run as ratios within it: ossflux's
 * {@code fromBytes} row against the best official SDK, raw Reactor Netty and fixed bounds.
 */
final class Goals {

    /**
     * One target in one scenario and server mode.
     *
     * @param what what is compared, e.g. "ops/s ÷ best official SDK's"
     * @param atMost whether {@code value} must stay at or below {@code bound} (else at or above)
     */
    record Goal(int scenario, String server, String what, double value, double bound, boolean atMost) {

        boolean met() {
            return atMost ? value <= bound : value >= bound;
        }

        String sign() {
            return atMost ? "≤" : "≥";
        }
    }

    private static final double MIB = 1024 * 1024;

    private Goals() {
    }

    static List<Goal> check(List<Report.ScenarioResults> scenarios, double crcGbPerSecond) {
        List<Goal> goals = new ArrayList<>();
        for (Report.ScenarioResults s : scenarios) {
            Optional<RunResult> ossflux = s.of(Contender.OSSFLUX);
            if (ossflux.isPresent()) {
                goals.addAll(check(s, ossflux.get(), 1 / crcGbPerSecond));
            }
        }
        return goals;
    }

    private static List<Goal> check(Report.ScenarioResults s, RunResult o, double crcSecondsPerGb) {
        List<Goal> goals = new ArrayList<>();
        int id = s.scenario().id();
        String server = s.server();
        Optional<RunResult> sdk = s.results().stream().filter(RunResult::ok)
                .filter(run -> run.contender().equals(Contender.ALIYUN_SDK_OSS)
                        || run.contender().equals(Contender.ALIBABACLOUD_OSS_V2))
                .max(Comparator.comparingDouble(RunResult::opsPerSec));
        Optional<RunResult> raw = s.of(Contender.RAW_NETTY);
        switch (id) {
            case 1 -> {
                sdk.ifPresent(best -> goals.add(new Goal(id, server, "ops/s ÷ best official SDK's ("
                        + best.contender() + ")", o.opsPerSec() / best.opsPerSec(), 1.5, false)));
                raw.ifPresent(r -> {
                    goals.add(new Goal(id, server, "ops/s ÷ raw-netty's", o.opsPerSec() / r.opsPerSec(), 0.85,
                            false));
                    goals.add(new Goal(id, server, "(CPU s/GB − CRC-64's) ÷ raw-netty's CPU s/GB",
                            (o.cpuSecondsPerGb() - crcSecondsPerGb) / r.cpuSecondsPerGb(), 1.3, true));
                    goals.add(new Goal(id, server, "p99 ÷ raw-netty's p99", o.p99Ms() / r.p99Ms(), 1.5, true));
                });
                goals.add(new Goal(id, server, "peak threads", o.peakThreads(), 16, true));
            }
            case 2 -> {
                sdk.ifPresent(best -> {
                    goals.add(new Goal(id, server, "MB/s ÷ best official SDK's (" + best.contender() + ")",
                            o.mbPerSec() / best.mbPerSec(), 1.2, false));
                    goals.add(new Goal(id, server, "CPU s/GB ÷ that SDK's", o.cpuSecondsPerGb()
                            / best.cpuSecondsPerGb(), 0.8, true));
                });
                goals.add(new Goal(id, server, "heap after GC, MiB (32 × 4 MiB + 64 MiB)", o.peakHeapMb(),
                        (s.scenario().concurrency() * s.scenario().objectBytes() + 64 * MIB) / MIB, true));
            }
            case 3, 4, 6 -> {
                sdk.ifPresent(best -> goals.add(new Goal(id, server, "throughput ÷ best official SDK's ("
                        + best.contender() + ")", o.opsPerSec() / best.opsPerSec(), 1.2, false)));
                if (s.scenario().kind() == Scenario.Kind.STREAM) {
                    goals.add(new Goal(id, server, "live heap, MiB (8 × 8 MiB parts + 64 MiB)", o.peakLiveHeapMb(),
                            (s.scenario().concurrency() * s.scenario().partBytes() + 64 * MIB) / MIB, true));
                }
            }
            case 7 -> s.of(Contender.ALIYUN_SDK_OSS).ifPresent(v1 -> {
                goals.add(new Goal(id, server, "wall time from JVM start ÷ aliyun-sdk-oss's",
                        o.wallSeconds() / v1.wallSeconds(), 1, true));
                goals.add(new Goal(id, server, "CPU s ÷ aliyun-sdk-oss's", o.cpuSeconds() / v1.cpuSeconds(), 1,
                        true));
            });
            default -> {
                // scenario 5 has no target of its own
            }
        }
        return goals;
    }
}
