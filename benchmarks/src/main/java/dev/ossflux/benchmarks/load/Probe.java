package dev.ossflux.benchmarks.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What one measured run costs this JVM: process CPU time, peak live threads, and peak heap two
 * ways — the largest heap still in use after a garbage collection (what the run holds, from GC
 * notifications) and the largest used heap sampled every 50 ms (what it also leaves for the GC) —
 * plus the peak of direct and Netty-pooled memory.
 */
final class Probe implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 50;

    private final OperatingSystemMXBean os =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(pool -> pool.getName())
            .collect(Collectors.toSet());
    /** Looked up once: the lookup itself cost more than the sampling (1-2% of a contender's CPU at 16 KiB). */
    private final List<BufferPoolMXBean> directPools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
            .stream().filter(pool -> pool.getName().equals("direct")).toList();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong peakSampled = new AtomicLong();
    private final AtomicLong peakDirect = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final Thread sampler;
    private final long cpuStart;
    private final long jitStart;
    private final long gcCountStart = totalGcCount();
    private final long gcMillisStart = totalGcMillis();
    private long gcCountInRun;
    private long gcMillisInRun;
    private long jitMillis;
    private final long wallStart;
    private volatile boolean running = true;
    private long cpuNanos;
    private long wallNanos;

    private final Profiler profiler;

    private Probe(boolean sinceJvmStart, Profiler profiler) {
        this.profiler = profiler;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = this::onGc;
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        if (!sinceJvmStart) {
            threads.resetPeakThreadCount();
        }
        sampler = new Thread(this::sample, "bench-probe");
        sampler.setDaemon(true);
        sampler.start();
        jitStart = sinceJvmStart ? 0 : Warmup.compileMillis();
        cpuStart = sinceJvmStart ? 0 : os.getProcessCpuTime();
        wallStart = sinceJvmStart
                ? System.nanoTime() - (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                * 1_000_000
                : System.nanoTime();
        if (profiler != null) {
            profiler.start();
        }
    }

    /**
     * Starts measuring now, and {@code profiler} (may be null); the probe's own sampling thread
     * counts among the live threads.
     */
    static Probe start(Profiler profiler) {
        return new Probe(false, profiler);
    }

    /** Measures from the JVM's start: wall time, CPU and JIT time so far count, and so do the threads' peak. */
    static Probe sinceJvmStart(Profiler profiler) {
        return new Probe(true, profiler);
    }

    /** Stops measuring; the figures below are final afterwards. */
    @Override
    public void close() {
        wallNanos = System.nanoTime() - wallStart;
        cpuNanos = os.getProcessCpuTime() - cpuStart;
        jitMillis = Warmup.compileMillis() - jitStart;
        gcCountInRun = totalGcCount() - gcCountStart;
        gcMillisInRun = totalGcMillis() - gcMillisStart;
        if (profiler != null) {
            profiler.stop();
        }
        running = false;
        sampler.interrupt();
        unsubscribe.forEach(Runnable::run);
        sampleOnce();
    }

    double wallSeconds() {
        return wallNanos / 1e9;
    }

    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /** Milliseconds the JIT spent compiling during the run (a sign of a warm-up too short). */
    long jitMillis() {
        return jitMillis;
    }

    /** Garbage collections during the run (G1's young and mixed pauses and its concurrent cycles). */
    long gcCount() {
        return gcCountInRun;
    }

    /** Milliseconds the collectors report for the run (G1: pause time of young and mixed collections). */
    long gcMillis() {
        return gcMillisInRun;
    }

    private static long totalGcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long totalGcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    int peakThreads() {
        return threads.getPeakThreadCount();
    }

    /** The largest heap in use right after a collection, or the sampled peak when no collection ran. */
    double peakHeapAfterGcMb() {
        long after = peakAfterGc.get();
        return (after > 0 ? after : peakSampled.get()) / (1024.0 * 1024);
    }

    double peakHeapSampledMb() {
        return peakSampled.get() / (1024.0 * 1024);
    }

    double peakDirectMb() {
        return peakDirect.get() / (1024.0 * 1024);
    }

    private void sample() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        peakSampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long direct = 0;
        for (BufferPoolMXBean pool : directPools) {
            direct += pool.getMemoryUsed();
        }
        peakDirect.accumulateAndGet(direct + nettyDirect(), Math::max);
    }

    /** Netty's own count of direct memory it allocated without a JDK {@code ByteBuffer} cleaner. */
    private static long nettyDirect() {
        try {
            return Math.max(0, io.netty.util.internal.PlatformDependent.usedDirectMemory());
        } catch (LinkageError e) {
            return 0;
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(entry.getKey())) {
                MemoryUsage usage = entry.getValue();
                used += usage.getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(used, Math::max);
    }
}
