package dev.ossflux.benchmarks.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Decides when a contender is warm: at least {@code minRounds} rounds of the scenario's own workload
 * and at least {@code minimum}, then on until the JIT has compiled for at most a tenth of each
 * round's time for rounds in a row lasting {@link #QUIET} (the compiler counts a compilation when it
 * ends, and one of a large method can take seconds on busy cores, so a few short quiet rounds prove
 * nothing), up to {@code maximum} (the rounds may stretch that to three times {@code maximum}).
 * On 2 busy cores the compiler threads starve, so a short warm-up leaves compilation (and its CPU)
 * inside the measured run.
 */
final class Warmup {

    /** How long the JIT must stay quiet, in whole rounds, before the measured run. */
    static final Duration QUIET = Duration.ofSeconds(5);

    interface Round {
        void run(int index) throws Exception;
    }

    private Warmup() {
    }

    /** Runs rounds until warm; answers for how many seconds. */
    static double run(Duration minimum, Duration maximum, int minRounds, Round round) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int rounds = 0;
        long quietNanos = 0;
        while (true) {
            long compiledBefore = jit.getTotalCompilationTime();
            long roundStart = System.nanoTime();
            round.run(rounds++);
            long roundMillis = (System.nanoTime() - roundStart) / 1_000_000;
            long compileMillis = jit.getTotalCompilationTime() - compiledBefore;
            quietNanos = compileMillis * 10 <= roundMillis ? quietNanos + roundMillis * 1_000_000 : 0;
            long elapsed = System.nanoTime() - start;
            boolean enough = rounds >= minRounds && elapsed >= minimum.toNanos();
            if (enough && (quietNanos >= QUIET.toNanos() || elapsed >= maximum.toNanos())
                    || elapsed >= 3 * maximum.toNanos()) {
                return elapsed / 1e9;
            }
        }
    }

    /** Milliseconds the JIT has spent compiling so far in this JVM. */
    static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
}
