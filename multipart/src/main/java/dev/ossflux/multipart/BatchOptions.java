package dev.ossflux.multipart;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a {@link BatchUploader} runs.
 *
 * @param concurrency items uploaded at once (each large file also uploads its parts concurrently,
 *     and the client's {@code maxBytesInFlight} caps the bytes of all of them)
 * @param checkpointDir where the batch records finished items so that a rerun skips them, and where
 *     large files keep their multipart checkpoints; empty for a batch that is not resumable
 * @param progress receives the batch's progress from I/O threads; must not block
 */
public record BatchOptions(int concurrency, Optional<Path> checkpointDir, Optional<Consumer<BatchProgress>> progress) {

    public static final int DEFAULT_CONCURRENCY = 16;

    public BatchOptions {
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("concurrency: must be 1 to 10000, got " + concurrency);
        }
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        Objects.requireNonNull(progress, "progress");
    }

    public static BatchOptions defaults() {
        return new BatchOptions(DEFAULT_CONCURRENCY, Optional.empty(), Optional.empty());
    }

    public BatchOptions withConcurrency(int concurrency) {
        return new BatchOptions(concurrency, checkpointDir, progress);
    }

    public BatchOptions withCheckpointDir(Path dir) {
        return new BatchOptions(concurrency, Optional.of(dir), progress);
    }

    public BatchOptions withProgress(Consumer<BatchProgress> listener) {
        return new BatchOptions(concurrency, checkpointDir, Optional.of(listener));
    }
}
