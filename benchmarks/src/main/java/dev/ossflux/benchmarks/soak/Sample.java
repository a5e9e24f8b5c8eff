package dev.ossflux.benchmarks.soak;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the soak measured at one moment, after a full garbage collection: the client JVM's heap in use,
 * its direct memory (NIO's direct buffers plus what Netty counts apart), threads and open sockets, and
 * the running totals.
 */
record Sample(double seconds, long heapBytes, long directBytes, int threads, int sockets, long calls, long stored,
        long storedBytes, long failed, long cancelled, long faults, int kills, long callbacks, long leaks) {

    /** Direct memory in use now: NIO's buffer pool plus Netty's own count (when it allocates without a cleaner). */
    static long measureDirect() {
        long nio = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        long netty = io.netty.util.internal.PlatformDependent.usedDirectMemory();
        return nio + Math.max(0, netty);
    }

    static long measureHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static int countThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Sockets this process has open, from {@code /proc/self/fd} (Linux; -1 elsewhere). */
    static int countSockets() {
        Path fds = Path.of("/proc/self/fd");
        try (Stream<Path> all = Files.list(fds)) {
            return (int) all.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException | UnsupportedOperationException closed) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }

    static String header() {
        return String.format("%7s %8s %8s %7s %7s %9s %9s %7s %7s %6s %5s %9s %5s %6s", "time", "heap MiB",
                "dir MiB", "threads", "sockets", "calls", "stored", "failed", "cancel", "faults", "kills", "callbacks",
                "leaks", "GiB");
    }

    String line() {
        return String.format("%6.0fs %8.1f %8.1f %7d %7d %9d %9d %7d %7d %6d %5d %9d %5d %6.2f", seconds,
                heapBytes / 1048576.0, directBytes / 1048576.0, threads, sockets, calls, stored, failed, cancelled,
                faults, kills, callbacks, leaks, storedBytes / 1073741824.0);
    }
}
