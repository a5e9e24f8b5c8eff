package dev.ossflux.benchmarks.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How a soak runs: {@code soak [--minutes N | --seconds N] [--seed N] [--kill-every-seconds N]
 * [--fault-every-ms N] [--sample-every-seconds N] [--flat-from-seconds N] [--out DIR] [--name NAME]
 * [--sabotage a,b]}.
 *
 * @param duration how long the workload runs (verification comes after)
 * @param seed seeds the workload's and the chaos's random choices
 * @param killEvery how often the emulator is SIGKILLed and restarted
 * @param faultEvery the mean time between two injected faults
 * @param sampleEvery how often memory, threads and sockets are sampled and a report line printed
 * @param flatFrom from when on memory, threads and sockets must stay flat (the warm-up before is not judged)
 * @param out where the report ({@code NAME.md}) and the memory chart ({@code NAME-memory.png}) go
 * @param name the report's file name stem
 * @param sabotage properties broken on purpose, to prove that the verdicts catch them
 */
record SoakOptions(Duration duration, long seed, Duration killEvery, Duration faultEvery, Duration sampleEvery,
        Duration flatFrom, Path out, String name, Set<Sabotage> sabotage) {

    /** A property broken on purpose; each must make its verdict fail. */
    enum Sabotage {
        /** Small PutObjects with a callback resent after any error, whether or not OSS made the callback. */
        RETRY_CALLBACKS,
        /** Every 20th object reported stored is deleted behind the client's back. */
        DELETE_STORED,
        /** Every 50th small upload's error is rethrown as a bare RuntimeException. */
        UNTYPED_ERRORS,
        /** A multipart upload initiated every sample and never completed, aborted or checkpointed. */
        ORPHAN_UPLOADS,
        /** A Netty buffer allocated and dropped every sample. */
        LEAK_BUFFERS,
        /** 8 MiB of heap kept every sample. */
        HOLD_HEAP,
        /** Four parked threads started every sample. */
        LEAK_THREADS;

        static Sabotage parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    SoakOptions {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the soak must run for some time, got " + duration);
        }
        if (flatFrom.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("--flat-from-seconds must be before the end of the run");
        }
        sabotage = Set.copyOf(sabotage);
    }

    static SoakOptions parse(String... args) {
        Duration duration = Duration.ofMinutes(30);
        long seed = 18;
        Duration killEvery = null;
        Duration faultEvery = Duration.ofMillis(700);
        Duration sampleEvery = null;
        Duration flatFrom = null;
        Path out = Path.of("benchmarks/results");
        String name = null;
        Set<Sabotage> sabotage = EnumSet.noneOf(Sabotage.class);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("soak")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--minutes" -> duration = Duration.ofMinutes(positive(flag, value));
                case "--seconds" -> duration = Duration.ofSeconds(positive(flag, value));
                case "--seed" -> seed = Long.parseLong(value);
                case "--kill-every-seconds" -> killEvery = Duration.ofSeconds(positive(flag, value));
                case "--fault-every-ms" -> faultEvery = Duration.ofMillis(positive(flag, value));
                case "--sample-every-seconds" -> sampleEvery = Duration.ofSeconds(positive(flag, value));
                case "--flat-from-seconds" -> flatFrom = Duration.ofSeconds(positive(flag, value));
                case "--out" -> out = Path.of(value);
                case "--name" -> name = value;
                case "--sabotage" -> {
                    for (String one : value.split(",")) {
                        sabotage.add(Sabotage.parse(one));
                    }
                }
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        boolean shortRun = duration.compareTo(Duration.ofMinutes(10)) < 0;
        return new SoakOptions(duration, seed,
                killEvery != null ? killEvery : shortRun ? duration.dividedBy(3) : Duration.ofMinutes(3),
                faultEvery,
                sampleEvery != null ? sampleEvery : shortRun ? Duration.ofSeconds(5) : Duration.ofMinutes(1),
                flatFrom != null ? flatFrom : shortRun ? duration.dividedBy(3) : Duration.ofMinutes(5),
                out, name != null ? name : "soak-" + label(duration), sabotage);
    }

    private static String label(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toMinutes() > 0 ? duration.toMinutes() + "min"
                : duration.toSeconds() + "s";
    }

    private static long positive(String flag, String value) {
        long n = Long.parseLong(value);
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be positive, got " + value);
        }
        return n;
    }
}
