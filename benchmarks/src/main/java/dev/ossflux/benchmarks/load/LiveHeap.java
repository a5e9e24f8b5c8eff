package dev.ossflux.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap a workload keeps alive: a full collection every 200 ms, then the used heap. Too
 * intrusive for the timed run, so the multipart scenarios repeat their workload untimed under it.
 * After a young collection, G1 still counts old regions full of dead parts, which is why the
 * timed run's after-GC figure can sit well above what an upload holds.
 */
final class LiveHeap implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private LiveHeap() {
        sampler = new Thread(() -> {
            while (running) {
                System.gc();
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-live-heap");
        sampler.setDaemon(true);
        sampler.start();
    }

    static LiveHeap start() {
        return new LiveHeap();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }

    double peakMb() {
        return peak.get() / (1024.0 * 1024);
    }
}
