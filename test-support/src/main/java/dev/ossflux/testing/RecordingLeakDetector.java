package dev.ossflux.testing;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;
import java.util.List;
import java.util.function.Consumer;

/** A Netty leak detector that hands its reports to a consumer, at any log level, instead of logging them. */
final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    private final Class<?> resourceType;
    private final Consumer<String> reports;

    private RecordingLeakDetector(Class<?> resourceType, int samplingInterval, Consumer<String> reports) {
        super(resourceType, samplingInterval);
        this.resourceType = resourceType;
        this.reports = reports;
    }

    /** Reports the tracked objects collected without being released, as every {@code track} call does. */
    @SuppressWarnings("unchecked")
    void poll() {
        T probe = (T) new Object();
        ResourceLeakTracker<T> tracker = trackForcibly(probe);
        if (tracker != null) {
            tracker.close(probe);
        }
    }

    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        reports.accept("LEAK: " + resourceType + ".release() was not called before it was garbage-collected."
                + records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        reports.accept("LEAK: " + resourceType + ".release() was not called before it was garbage-collected "
                + "(no records: the object was not tracked at the paranoid level).");
    }

    /** Makes recording detectors and keeps them, so that they can be polled. */
    static final class Factory extends ResourceLeakDetectorFactory {

        private final List<RecordingLeakDetector<?>> detectors;
        private final Consumer<String> reports;

        Factory(List<RecordingLeakDetector<?>> detectors, Consumer<String> reports) {
            this.detectors = detectors;
            this.reports = reports;
        }

        boolean created(Class<?> resourceType) {
            return detectors.stream().anyMatch(detector -> detector.resourceType == resourceType);
        }

        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return newResourceLeakDetector(resource, samplingInterval);
        }

        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
            RecordingLeakDetector<T> detector = new RecordingLeakDetector<>(resource, samplingInterval, reports);
            detectors.add(detector);
            return detector;
        }
    }
}
