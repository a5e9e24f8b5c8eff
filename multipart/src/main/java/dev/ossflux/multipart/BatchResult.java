package dev.ossflux.multipart;

import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How one item of a batch ended: {@linkplain Stored stored}, {@linkplain Skipped skipped} as an
 * earlier run stored it, {@linkplain Failed failed}, or, for a file of a directory, {@linkplain Rejected
 * rejected} before any upload. A failed or rejected item never fails the batch.
 */
public sealed interface BatchResult {

    /** The bucket of the item's object. */
    String bucket();

    /** The key of the item's object. */
    String key();

    /** An item that became an upload: its object. */
    sealed interface Attempted extends BatchResult {

        PutObjectRequest request();

        @Override
        default String bucket() {
            return request().bucket();
        }

        @Override
        default String key() {
            return request().key();
        }
    }

    /** The item was uploaded by this run; {@code result} carries its callback reply, if any. */
    record Stored(PutObjectRequest request, UploadResult result) implements Attempted {
        public Stored {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * A resumed batch found the item, unchanged, already uploaded by an earlier run; {@code result}
     * is the one recorded then, without a callback reply.
     */
    record Skipped(PutObjectRequest request, UploadResult result) implements Attempted {
        public Skipped {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(result, "result");
        }
    }

    /** The item ended with {@code error}, typed as for a single upload. */
    record Failed(PutObjectRequest request, Throwable error) implements Attempted {
        public Failed {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A file of a directory whose key cannot be used, so nothing was sent: not a valid object key (such as
     * over 1,023 bytes, or starting with a backslash), or the key of another file of the same walk (file
     * names equal once normalized to Unicode NFC).
     */
    record Rejected(Path file, String bucket, String key, IllegalArgumentException reason) implements BatchResult {
        public Rejected {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
