package dev.ossflux.multipart;

import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.multipart.internal.DefaultBatchUploader;
import java.nio.file.Path;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;

/**
 * Uploads many files or streams at once under one concurrency limit, reporting each item's outcome.
 *
 * <pre>{@code
 * BatchUploader batch = BatchUploader.create(uploader,
 *         BatchOptions.builder().concurrency(64).checkpointDir(Path.of(".ossflux")).build());
 * batch.uploadDirectory(Path.of("photos"), "examplebucket", "photos/")
 *         .ofType(BatchResult.Failed.class)
 *         .subscribe(failed -> log.warn("{} failed: {}", failed.request().key(), failed.error()));
 * }</pre>
 *
 * <p>The returned {@code Flux} emits one {@link BatchResult} per item as items end, in completion
 * order, and completes when all have ended; one item's failure never stops the others. With a
 * checkpoint directory, a rerun of the same batch skips the items an earlier run finished (their
 * file unchanged) and resumes large files part by part. Cancelling stops the batch: resumable items
 * keep their checkpoints, others are aborted.
 */
public interface BatchUploader {

    static BatchUploader create(MultipartUploader uploader, BatchOptions options) {
        return new DefaultBatchUploader(uploader, options);
    }

    /** Uploads {@code items}, at most {@code concurrency} at a time. */
    Flux<BatchResult> upload(Flux<BatchItem> items);

    /**
     * Uploads every regular file under {@code directory}, each to {@code prefix} followed by its path
     * relative to the directory, with {@code /} between names, normalized to Unicode NFC. Symbolic links
     * are left out unless {@link BatchOptions#followSymbolicLinks()}. A file whose key is not a valid object
     * key, or is the key of another file already walked (names equal in NFC), ends as
     * {@link BatchResult.Rejected} and nothing is sent for it; the other files go on.
     */
    Flux<BatchResult> uploadDirectory(Path directory, String bucket, String prefix);

    /**
     * Uploads every regular file under {@code directory}, as {@link #uploadDirectory(Path, String, String)}
     * does, with the request {@code requestFor} makes from the file and its key (e.g. to add a callback with
     * per-file variables); an {@link IllegalArgumentException} from it rejects that file only.
     */
    Flux<BatchResult> uploadDirectory(Path directory, String bucket, String prefix,
            BiFunction<Path, String, PutObjectRequest> requestFor);
}
