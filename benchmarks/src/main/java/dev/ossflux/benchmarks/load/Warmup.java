package dev.ossflux.benchmarks.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Decides when a contender is warm: at least {@code minRounds} rounds of the scenario's own workload
 * and at least {@code minimum}, then on until the JIT has compiled for at most a tenth of the time
 * of {@value #QUIET_ROUNDS} rounds in a row (one quiet round is often a lull in a long compile
 * queue), up to {@code maximum} (the rounds may stretch that to three times {@code maximum}).
 * On 2 busy cores the compiler threads starve, so a short warm-up leaves compilation (and its CPU)
 * inside the measured run.
 */
final class Warmup {

    static final int QUIET_ROUNDS = 3;

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
        int quietRounds = 0;
        while (true) {
            long compiledBefore = jit.getTotalCompilationTime();
            long roundStart = System.nanoTime();
            round.run(rounds++);
            long roundMillis = (System.nanoTime() - roundStart) / 1_000_000;
            long compileMillis = jit.getTotalCompilationTime() - compiledBefore;
            quietRounds = compileMillis * 10 <= roundMillis ? quietRounds + 1 : 0;
            long elapsed = System.nanoTime() - start;
            boolean enough = rounds >= minRounds && elapsed >= minimum.toNanos();
            if (enough && (quietRounds >= QUIET_ROUNDS || elapsed >= maximum.toNanos())
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
