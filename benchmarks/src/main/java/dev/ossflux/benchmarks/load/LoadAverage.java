package dev.ossflux.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average from {@code /proc/loadavg}, printed and recorded with every run: on a
 * shared machine a run taken under high load is noise, and the report says which runs those were.
 */
final class LoadAverage {

    private LoadAverage() {
    }

    /** The 1, 5 and 15 minute load averages as {@code uptime} prints them, or "unknown" off Linux. */
    static String now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
