package dev.ossflux.benchmarks.load;

import dev.ossflux.core.Crc64;
import java.util.Random;

/**
 * ossflux's CRC-64 speed on one core in this run, so that the CPU target ("raw-netty plus the
 * CRC-64 cost") uses a figure from the same machine and moment. Thread CPU time, not wall time.
 */
final class Crc64Probe {

    private Crc64Probe() {
    }

    static double gbPerSecondOnOneCore() {
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(1).nextBytes(data);
        long crc = 0;
        for (int i = 0; i < 64; i++) {
            crc = Crc64.update(crc, data, 0, data.length);
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        int rounds = 128;
        for (int i = 0; i < rounds; i++) {
            crc = Crc64.update(crc, data, 0, data.length);
        }
        long cpu = threads.getCurrentThreadCpuTime() - before;
        if (crc == 42) {
            System.out.print("");
        }
        return (double) data.length * rounds / cpu;
    }
}
