package dev.ossflux.multipart;

import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import java.util.Objects;

/**
 * How one item of a batch ended: {@linkplain Stored stored}, {@linkplain Skipped skipped} as an
 * earlier run stored it, or {@linkplain Failed failed}. A failed item never fails the batch.
 */
public sealed interface BatchResult {

    /** The item's object. */
    PutObjectRequest request();

    /** The item was uploaded by this run; {@code result} carries its callback reply, if any. */
    record Stored(PutObjectRequest request, UploadResult result) implements BatchResult {
        public Stored {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A resumed batch found the item, unchanged, already uploaded by an earlier run; {@code result}
     * is the one recorded then, without a callback reply.
     */
    record Skipped(PutObjectRequest request, UploadResult result) implements BatchResult {
        public Skipped {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(result, "result");
        }
    }

    /** The item ended with {@code error}, typed as for a single upload. */
    record Failed(PutObjectRequest request, Throwable error) implements BatchResult {
        public Failed {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(error, "error");
        }
    }
}
