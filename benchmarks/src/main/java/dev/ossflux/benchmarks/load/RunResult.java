package dev.ossflux.benchmarks.load;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What one contender did in one scenario, as measured in its own JVM (the fields of
 * {@code latest.json}); MB and GB are 10^6 and 10^9 bytes. Several measured rounds fold into one
 * result with {@link #median}.
 *
 * @param configuration how the contender ran (e.g. the SDK's thread-pool size)
 * @param wallSeconds the measured run's wall time; in the cold scenario, from the JVM's start to the last upload
 * @param peakHeapMb the largest heap still in use after a garbage collection during the run
 * @param peakHeapSampledMb the largest used heap sampled every 50 ms (includes garbage not yet collected)
 * @param peakDirectMb the largest direct (off-heap) buffer memory sampled every 50 ms
 * @param cpuSeconds the client process's CPU over the run; in the cold scenario, all of it since the JVM started
 * @param warmupSeconds how long the warm-up ran before the measured run
 * @param jitMs milliseconds the JIT compiled during the measured run (cold: since the JVM started)
 * @param gcCount garbage collections during the measured run
 * @param gcMs milliseconds the collectors reported for the measured run (G1: young and mixed pause time)
 * @param peakLiveHeapMb multipart scenarios only: the most heap the workload kept alive, from an untimed
 *     repeat with a full GC every 200 ms
 * @param rounds how many measured rounds this result is the median of
 * @param server what the server spent and checked meanwhile; null until the harness adds it
 * @param error why the run failed, or null
 */
record RunResult(String contender, String configuration, long ops, long bytes, double wallSeconds,
        double opsPerSec, double mbPerSec, double p50Ms, double p99Ms, double peakHeapMb, double peakHeapSampledMb,
        double peakDirectMb, int peakThreads, double cpuSeconds, double warmupSeconds, long jitMs, long gcCount,
        long gcMs, double peakLiveHeapMb, int rounds, Server server, String error) {

    /**
     * The server's side of a run.
     *
     * @param mode {@code stub} or {@code emulator}
     * @param cpuSeconds the server process's CPU over the run, from {@code /proc}
     * @param checked bodies the stub hashed in full and compared with its table (0 for the emulator, which hashes
     *     every body and the client compares)
     * @param mismatches checked bodies whose CRC-64 differed from the table
     * @param refused requests the stub refused (unknown payload, short body, an operation it does not serve)
     */
    record Server(String mode, double cpuSeconds, long checked, long mismatches, long refused) {
    }

    static RunResult failed(String contender, String configuration, String error) {
        return new RunResult(contender, configuration, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0,
                0, Double.NaN, 0, null, error);
    }

    /**
     * One result from several rounds of the same contender: the median of every rate, latency and
     * cost, the largest of every peak, the server's checks added up. A failed round fails the result.
     */
    static RunResult median(List<RunResult> rounds) {
        RunResult first = rounds.get(0);
        for (RunResult round : rounds) {
            if (!round.ok()) {
                return round;
            }
        }
        Server server = first.server() == null ? null : new Server(first.server().mode(),
                median(rounds, run -> run.server().cpuSeconds()),
                rounds.stream().mapToLong(run -> run.server().checked()).sum(),
                rounds.stream().mapToLong(run -> run.server().mismatches()).sum(),
                rounds.stream().mapToLong(run -> run.server().refused()).sum());
        return new RunResult(first.contender(), first.configuration(), first.ops(), first.bytes(),
                median(rounds, RunResult::wallSeconds), median(rounds, RunResult::opsPerSec),
                median(rounds, RunResult::mbPerSec), median(rounds, RunResult::p50Ms), median(rounds, RunResult::p99Ms),
                max(rounds, RunResult::peakHeapMb), max(rounds, RunResult::peakHeapSampledMb),
                max(rounds, RunResult::peakDirectMb), (int) max(rounds, RunResult::peakThreads),
                median(rounds, RunResult::cpuSeconds), median(rounds, RunResult::warmupSeconds),
                Math.round(median(rounds, RunResult::jitMs)), Math.round(median(rounds, RunResult::gcCount)),
                Math.round(median(rounds, RunResult::gcMs)), max(rounds, RunResult::peakLiveHeapMb), rounds.size(),
                server, null);
    }

    boolean ok() {
        return error == null;
    }

    /** Client CPU seconds per 10^9 bytes uploaded. */
    double cpuSecondsPerGb() {
        return bytes == 0 ? Double.NaN : cpuSeconds / (bytes / 1e9);
    }

    /** Server CPU seconds per 10^9 bytes uploaded. */
    double serverCpuSecondsPerGb() {
        return bytes == 0 || server == null ? Double.NaN : server.cpuSeconds() / (bytes / 1e9);
    }

    RunResult withServer(Server measured) {
        return new RunResult(contender, configuration, ops, bytes, wallSeconds, opsPerSec, mbPerSec, p50Ms, p99Ms,
                peakHeapMb, peakHeapSampledMb, peakDirectMb, peakThreads, cpuSeconds, warmupSeconds, jitMs, gcCount,
                gcMs, peakLiveHeapMb, rounds, measured, error);
    }

    RunResult withLiveHeap(double mb) {
        return new RunResult(contender, configuration, ops, bytes, wallSeconds, opsPerSec, mbPerSec, p50Ms, p99Ms,
                peakHeapMb, peakHeapSampledMb, peakDirectMb, peakThreads, cpuSeconds, warmupSeconds, jitMs, gcCount,
                gcMs, mb, rounds, server, error);
    }

    private static double median(List<RunResult> rounds, ToDoubleFunction<RunResult> field) {
        double[] values = rounds.stream().mapToDouble(field).filter(value -> !Double.isNaN(value)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double max(List<RunResult> rounds, ToDoubleFunction<RunResult> field) {
        return rounds.stream().mapToDouble(field).filter(value -> !Double.isNaN(value)).max().orElse(Double.NaN);
    }
}
