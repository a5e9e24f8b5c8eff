package dev.ossflux.multipart;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a {@link MultipartUploader} splits and sends an upload.
 *
 * @param partSize bytes per part; when empty, 8 MiB, grown as needed to keep a file within
 *     10,000 parts
 * @param concurrency parts uploaded at once; a stream holds at most one more part in memory (the next
 *     one being read)
 * @param multipartThreshold files (and streams) smaller than this go in one PutObject
 * @param checkpointDir where file uploads record their progress so that a rerun resumes; when
 *     empty, uploads are not resumable and a failed or cancelled upload is aborted
 * @param restartChangedFiles whether a file that changed since its checkpoint starts a new upload
 *     (aborting the old one) instead of failing
 */
public record MultipartOptions(
        OptionalLong partSize, int concurrency, long multipartThreshold, Optional<Path> checkpointDir,
        boolean restartChangedFiles) {

    /** The smallest part OSS accepts, except for the last: 100 KiB. */
    public static final long MIN_PART_SIZE = 100 * 1024;
    /** The largest part OSS accepts: 5 GiB. */
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    /** The most parts one upload may have. */
    public static final int MAX_PARTS = 10_000;
    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;

    public MultipartOptions {
        Objects.requireNonNull(partSize, "partSize");
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        partSize.ifPresent(size -> {
            if (size < MIN_PART_SIZE || size > MAX_PART_SIZE) {
                throw new IllegalArgumentException("partSize: must be " + MIN_PART_SIZE + " to " + MAX_PART_SIZE
                        + " bytes, got " + size);
            }
        });
        if (concurrency < 1 || concurrency > 1000) {
            throw new IllegalArgumentException("concurrency: must be 1 to 1000, got " + concurrency);
        }
        if (multipartThreshold < 0) {
            throw new IllegalArgumentException("multipartThreshold: must not be negative, got " + multipartThreshold);
        }
    }

    public static MultipartOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.partSize = partSize.isPresent() ? partSize.getAsLong() : null;
        builder.concurrency = concurrency;
        builder.multipartThreshold = multipartThreshold;
        builder.checkpointDir = checkpointDir.orElse(null);
        builder.restartChangedFiles = restartChangedFiles;
        return builder;
    }

    /** Collects {@link MultipartOptions}; {@link #build()} checks them against OSS limits. */
    public static final class Builder {
        private Long partSize;
        private int concurrency = DEFAULT_CONCURRENCY;
        private long multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
        private Path checkpointDir;
        private boolean restartChangedFiles;

        private Builder() {
        }

        public Builder partSize(long bytes) {
            this.partSize = bytes;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder multipartThreshold(long bytes) {
            this.multipartThreshold = bytes;
            return this;
        }

        public Builder checkpointDir(Path dir) {
            this.checkpointDir = Objects.requireNonNull(dir, "checkpointDir");
            return this;
        }

        public Builder restartChangedFiles(boolean restart) {
            this.restartChangedFiles = restart;
            return this;
        }

        public MultipartOptions build() {
            return new MultipartOptions(partSize == null ? OptionalLong.empty() : OptionalLong.of(partSize),
                    concurrency, multipartThreshold, Optional.ofNullable(checkpointDir), restartChangedFiles);
        }
    }
}
