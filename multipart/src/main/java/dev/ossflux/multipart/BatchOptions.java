package dev.ossflux.multipart;

import dev.ossflux.core.ProgressListener;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link BatchUploader} runs.
 *
 * @param concurrency items uploaded at once (each large file also uploads its parts concurrently,
 *     and the client's {@code maxBytesInFlight} caps the bytes of all of them)
 * @param checkpointDir where the batch records finished items so that a rerun skips them, and where
 *     large files keep their multipart checkpoints; empty for a batch that is not resumable
 * @param progressListener receives the batch's progress from I/O threads: bytes sent by all its
 *     items, and in {@code completedParts} the items stored so far (skipped ones included); must
 *     not block; its byte and item counts only grow
 * @param followSymbolicLinks whether {@link BatchUploader#uploadDirectory} follows symbolic links (default
 *     false: a link, to a file or a directory, is not uploaded, so that a link to a secret elsewhere cannot
 *     leave with the tree)
 */
public record BatchOptions(int concurrency, Optional<Path> checkpointDir, Optional<ProgressListener> progressListener,
        boolean followSymbolicLinks) {

    public static final int DEFAULT_CONCURRENCY = 16;

    public BatchOptions {
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("concurrency: must be 1 to 10000, got " + concurrency);
        }
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        Objects.requireNonNull(progressListener, "progressListener");
    }

    public static BatchOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.concurrency = concurrency;
        builder.checkpointDir = checkpointDir.orElse(null);
        builder.progressListener = progressListener.orElse(null);
        builder.followSymbolicLinks = followSymbolicLinks;
        return builder;
    }

    /** Collects {@link BatchOptions}; {@link #build()} checks them. */
    public static final class Builder {
        private int concurrency = DEFAULT_CONCURRENCY;
        private Path checkpointDir;
        private ProgressListener progressListener;
        private boolean followSymbolicLinks;

        private Builder() {
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder checkpointDir(Path dir) {
            this.checkpointDir = Objects.requireNonNull(dir, "checkpointDir");
            return this;
        }

        public Builder progressListener(ProgressListener listener) {
            this.progressListener = Objects.requireNonNull(listener, "progressListener");
            return this;
        }

        public Builder followSymbolicLinks(boolean follow) {
            this.followSymbolicLinks = follow;
            return this;
        }

        public BatchOptions build() {
            return new BatchOptions(concurrency, Optional.ofNullable(checkpointDir),
                    Optional.ofNullable(progressListener), followSymbolicLinks);
        }
    }
}
