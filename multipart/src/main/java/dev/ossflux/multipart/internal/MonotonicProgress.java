package dev.ossflux.multipart.internal;

import dev.ossflux.core.Progress;
import dev.ossflux.core.ProgressListener;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Hands progress to a caller's listener one report at a time, never with fewer bytes or finished units
 * than a report before: snapshots taken on several threads can arrive out of order, and a part sent again
 * after a failure starts its own count over.
 */
final class MonotonicProgress {

    private final ProgressListener listener;
    private long bytes;
    private int completed;

    MonotonicProgress(ProgressListener listener) {
        this.listener = listener;
    }

    synchronized void report(long transferredBytes, OptionalLong totalBytes, int completedParts,
            OptionalInt totalParts) {
        bytes = Math.max(bytes, transferredBytes);
        completed = Math.max(completed, completedParts);
        Listeners.notify(listener, new Progress(bytes, totalBytes, completed, totalParts));
    }
}
