package dev.ossflux.multipart.internal;

import dev.ossflux.core.ProgressListener;
import dev.ossflux.core.UploadedPart;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Adds the progress of parts in flight to the parts done and reports the whole upload, only ever growing. */
final class ProgressTracker {

    private final @Nullable MonotonicProgress listener;
    private final OptionalLong totalBytes;
    private final OptionalInt totalParts;
    private final AtomicLong doneBytes;
    private final AtomicInteger doneParts;
    private final Map<Integer, Long> inFlight = new ConcurrentHashMap<>();

    ProgressTracker(@Nullable ProgressListener listener, OptionalLong totalBytes, OptionalInt totalParts,
            long doneBytes, int doneParts) {
        this.listener = listener == null ? null : new MonotonicProgress(listener);
        this.totalBytes = totalBytes;
        this.totalParts = totalParts;
        this.doneBytes = new AtomicLong(doneBytes);
        this.doneParts = new AtomicInteger(doneParts);
    }

    /** The listener for one part's bytes, or null when nobody listens. */
    @Nullable ProgressListener forPart(int partNumber) {
        if (listener == null) {
            return null;
        }
        return progress -> {
            inFlight.put(partNumber, progress.transferredBytes());
            report();
        };
    }

    void partDone(UploadedPart part) {
        inFlight.remove(part.partNumber());
        doneBytes.addAndGet(part.size());
        doneParts.incrementAndGet();
        report();
    }

    private void report() {
        if (listener == null) {
            return;
        }
        long transferred = doneBytes.get();
        for (long bytes : inFlight.values()) {
            transferred += bytes;
        }
        listener.report(transferred, totalBytes, doneParts.get(), totalParts);
    }
}
