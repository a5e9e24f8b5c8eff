package dev.ossflux.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak reports as data. {@link #install()} makes every leak detector Netty creates from then on
 * record its {@code LEAK:} reports here instead of logging them, and, unless set otherwise with
 * {@code -D}, sets {@code io.netty.leakDetection.level} to {@code paranoid} (every buffer tracked) and
 * {@code io.netty.leakDetection.acquireAndReleaseOnly} to {@code true} (a report shows where the buffer
 * was allocated, retained, released and touched, but not every read and write, each of which would cost
 * a stack trace).
 *
 * <pre>{@code
 * NettyLeaks.install();                    // before the first Netty buffer is allocated
 * ... run the code under test ...
 * List<String> leaks = NettyLeaks.drain(); // "LEAK: ByteBuf.release() was not called ..." with Netty's records
 * }</pre>
 *
 * <p>Netty notices a leak when the garbage collector has collected a tracked object that was never
 * released, and reports it on a later allocation; {@link #collect()} forces both.
 */
public final class NettyLeaks {

    private static final String LEVEL_PROPERTY = "io.netty.leakDetection.level";
    private static final String RECORDS_PROPERTY = "io.netty.leakDetection.acquireAndReleaseOnly";
    private static final int COLLECT_ROUNDS = 2;
    private static final long REFERENCE_WAIT_MILLIS = 2_000;

    private static final Queue<String> REPORTS = new ConcurrentLinkedQueue<>();
    private static final List<RecordingLeakDetector<?>> DETECTORS = new CopyOnWriteArrayList<>();
    private static final RecordingLeakDetector.Factory FACTORY = new RecordingLeakDetector.Factory(DETECTORS,
            REPORTS::add);

    private NettyLeaks() {
    }

    /**
     * Records leak reports from now on; idempotent.
     *
     * @throws IllegalStateException when Netty created its buffer leak detector before, so that buffer
     *     leaks would go unrecorded
     */
    public static synchronized void install() {
        if (ResourceLeakDetectorFactory.instance() == FACTORY) {
            return;
        }
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        }
        if (System.getProperty(RECORDS_PROPERTY) == null) {
            System.setProperty(RECORDS_PROPERTY, "true");
        }
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(FACTORY);
        Unpooled.buffer(1).release();
        if (!FACTORY.created(ByteBuf.class)) {
            throw new IllegalStateException("Netty created its ByteBuf leak detector before NettyLeaks.install(): "
                    + "install it before the first buffer is allocated");
        }
    }

    /**
     * Makes Netty report what has leaked by now: collects garbage, then lets every detector look at the
     * tracked objects collected. Returns the reports recorded so far and not yet {@linkplain #drain()
     * drained}, oldest first.
     */
    public static List<String> collect() {
        for (int round = 0; round < COLLECT_ROUNDS; round++) {
            collectGarbage();
            DETECTORS.forEach(RecordingLeakDetector::poll);
        }
        return List.copyOf(REPORTS);
    }

    /** {@link #collect()}, then forgets the reports it returns. */
    public static List<String> drain() {
        collect();
        List<String> drained = new ArrayList<>();
        for (String report = REPORTS.poll(); report != null; report = REPORTS.poll()) {
            drained.add(report);
        }
        return drained;
    }

    /**
     * A full collection, then a wait until the reference handler has queued a weak reference that this
     * collection cleared, so that the references Netty tracks leaks with are queued as well.
     */
    private static void collectGarbage() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        System.gc();
        try {
            queue.remove(REFERENCE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sentinel.clear();
    }
}
