package dev.ossflux.benchmarks.load;

/**
 * What one contender did in one scenario, as measured in its own JVM (the fields of
 * {@code latest.json}); MB and GB are 10^6 and 10^9 bytes.
 *
 * @param configuration how the contender ran (e.g. the SDK's thread-pool size)
 * @param peakHeapMb the largest heap still in use after a garbage collection during the run
 * @param peakHeapSampledMb the largest used heap sampled every 50 ms (includes garbage not yet collected)
 * @param peakDirectMb the largest direct (off-heap) buffer memory sampled every 50 ms
 * @param warmupSeconds how long the warm-up ran before the measured run
 * @param jitMs milliseconds the JIT compiled during the measured run
 * @param emulatorCpuSeconds CPU the emulator's process spent while this run was measured
 * @param peakLiveHeapMb multipart scenarios only: the most heap the workload kept alive, from an untimed
 *     repeat with a full GC every 200 ms
 * @param error why the run failed, or null
 */
record RunResult(String contender, String configuration, long ops, long bytes, double wallSeconds,
        double opsPerSec, double mbPerSec, double p50Ms, double p99Ms, double peakHeapMb, double peakHeapSampledMb,
        double peakDirectMb, int peakThreads, double cpuSeconds, double warmupSeconds, long jitMs,
        double emulatorCpuSeconds, double peakLiveHeapMb, String error) {

    static RunResult failed(String contender, String configuration, String error) {
        return new RunResult(contender, configuration, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0,
                Double.NaN, error);
    }

    boolean ok() {
        return error == null;
    }

    /** Client CPU seconds per 10^9 bytes uploaded. */
    double cpuSecondsPerGb() {
        return bytes == 0 ? Double.NaN : cpuSeconds / (bytes / 1e9);
    }

    RunResult withEmulatorCpu(double seconds) {
        return new RunResult(contender, configuration, ops, bytes, wallSeconds, opsPerSec, mbPerSec, p50Ms, p99Ms,
                peakHeapMb, peakHeapSampledMb, peakDirectMb, peakThreads, cpuSeconds, warmupSeconds, jitMs, seconds,
                peakLiveHeapMb, error);
    }

    RunResult withLiveHeap(double mb) {
        return new RunResult(contender, configuration, ops, bytes, wallSeconds, opsPerSec, mbPerSec, p50Ms, p99Ms,
                peakHeapMb, peakHeapSampledMb, peakDirectMb, peakThreads, cpuSeconds, warmupSeconds, jitMs,
                emulatorCpuSeconds, mb, error);
    }
}
