package dev.ossflux.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Another process's CPU time from {@code /proc/PID/stat} (Linux; clock ticks of 10 ms). */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** User plus system seconds, or 0 where {@code /proc} is not there. */
    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
