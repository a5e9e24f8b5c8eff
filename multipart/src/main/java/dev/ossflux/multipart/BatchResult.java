package dev.ossflux.multipart;

import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import java.util.Optional;

/**
 * How one item of a batch ended: the stored object, or the error that stopped it. A failed item
 * never fails the batch.
 *
 * @param skipped whether a resumed batch found the item already uploaded by an earlier run (its
 *     result is then the one recorded then, without a callback reply)
 */
public record BatchResult(PutObjectRequest request, Optional<UploadResult> result, Optional<Throwable> error,
        boolean skipped) {

    /** An item that was stored. */
    public static BatchResult success(PutObjectRequest request, UploadResult result, boolean skipped) {
        return new BatchResult(request, Optional.of(result), Optional.empty(), skipped);
    }

    /** An item that failed with {@code error}. */
    public static BatchResult failure(PutObjectRequest request, Throwable error) {
        return new BatchResult(request, Optional.empty(), Optional.of(error), false);
    }

    public boolean succeeded() {
        return result.isPresent();
    }
}
