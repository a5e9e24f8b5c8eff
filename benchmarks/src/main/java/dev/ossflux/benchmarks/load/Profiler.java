package dev.ossflux.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import one.profiler.AsyncProfiler;

/**
 * async-profiler (the native library inside its Maven Central jar) around each measured run of a
 * child JVM, when the harness is given {@code --profile DIR}: one collapsed-stack file per round,
 * {@code DIR/s<scenario>-<contender>-r<round>.collapsed}, of the event {@code --profile-event}
 * (default {@code cpu}; {@code alloc}, {@code wall}, {@code lock} work too), and each round's upload
 * latencies by start time, {@code DIR/s<scenario>-<contender>-latencies-r<round>.csv}. The warm-up is not in
 * them.
 */
final class Profiler {

    private final Path dir;
    private final String event;
    private final String name;
    private int round;

    private Profiler(Path dir, String event, String name) {
        this.dir = dir;
        this.event = event;
        this.name = name;
    }

    /** The profiler the flags ask for, or null when they ask for none. */
    static Profiler of(Map<String, String> flags, String name) {
        return flags.containsKey("profile")
                ? new Profiler(Path.of(flags.get("profile")), flags.getOrDefault("profile-event", "cpu"), name) : null;
    }

    void start() {
        execute("start,event=" + event + ",interval=" + (event.equals("cpu") || event.equals("wall") ? "1ms" : "512k"));
    }

    void stop() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        execute("stop,collapsed,file=" + dir.resolve(name + "-" + event + "-r" + round++ + ".collapsed"));
    }

    /** Writes the latencies of the round stopped last. */
    void save(Latencies latencies) {
        try {
            latencies.writeCsv(dir.resolve(name + "-latencies-r" + (round - 1) + ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(String command) {
        try {
            AsyncProfiler.getInstance().execute(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
