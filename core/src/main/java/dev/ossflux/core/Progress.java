package dev.ossflux.core;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A snapshot of an upload's progress.
 *
 * @param transferredBytes bytes handed to the network so far; after a retry the count starts
 *     again from what has been confirmed
 * @param totalBytes the upload's size, when known in advance
 * @param completedParts parts confirmed by OSS (always 0 for a single PutObject)
 * @param totalParts the number of parts, when known in advance
 */
public record Progress(long transferredBytes, OptionalLong totalBytes, int completedParts, OptionalInt totalParts) {

    /** The fraction done in [0, 1], when the total is known. */
    public OptionalDouble fraction() {
        if (totalBytes.isEmpty()) {
            return OptionalDouble.empty();
        }
        long total = totalBytes.getAsLong();
        return OptionalDouble.of(total == 0 ? 1.0 : Math.min(1.0, (double) transferredBytes / total));
    }
}
