package dev.ossflux.multipart.internal;

import dev.ossflux.core.ProgressListener;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.multipart.BatchItem;
import dev.ossflux.multipart.BatchOptions;
import dev.ossflux.multipart.BatchResult;
import dev.ossflux.multipart.BatchUploader;
import dev.ossflux.multipart.MultipartUploader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The {@link BatchUploader} behind {@code BatchUploader.create}. */
public final class DefaultBatchUploader implements BatchUploader {

    private final MultipartUploader uploader;
    private final BatchOptions options;
    private final @Nullable BatchJournal journal;

    public DefaultBatchUploader(MultipartUploader uploader, BatchOptions options) {
        Objects.requireNonNull(uploader, "uploader");
        this.options = Objects.requireNonNull(options, "options");
        this.uploader = options.checkpointDir()
                .map(dir -> uploader.withOptions(uploader.options().toBuilder().checkpointDir(dir).build()))
                .orElse(uploader);
        this.journal = options.checkpointDir().map(BatchJournal::new).orElse(null);
    }

    @Override
    public Flux<BatchResult> upload(Flux<BatchItem> items) {
        return run(items.cast(Object.class));
    }

    @Override
    public Flux<BatchResult> uploadDirectory(Path directory, String bucket, String prefix) {
        return uploadDirectory(directory, bucket, prefix, (file, key) -> PutObjectRequest.of(bucket, key));
    }

    @Override
    public Flux<BatchResult> uploadDirectory(Path directory, String bucket, String prefix,
            BiFunction<Path, String, PutObjectRequest> requestFor) {
        Flux<Object> entries = Flux.defer(() -> {
            DirectoryEntries walk = new DirectoryEntries(directory, bucket, prefix, requestFor);
            return Flux.using(() -> DirectoryEntries.files(directory, options.followSymbolicLinks()),
                    Flux::fromStream, Stream::close).map(walk::entry);
        }).subscribeOn(Schedulers.boundedElastic());
        return run(entries);
    }

    /** Uploads the {@link BatchItem}s among {@code entries} and passes on the results already decided. */
    private Flux<BatchResult> run(Flux<Object> entries) {
        return Flux.defer(() -> {
            Mono<Map<String, BatchJournal.Entry>> finished = journal == null ? Mono.just(Map.of()) : journal.load();
            Tally tally = new Tally();
            return finished.flatMapMany(done -> entries.flatMap(entry -> entry instanceof BatchItem item
                    ? uploadOne(item, done, tally) : Mono.just((BatchResult) entry), options.concurrency()));
        });
    }

    private Mono<BatchResult> uploadOne(BatchItem item, Map<String, BatchJournal.Entry> done, Tally tally) {
        PutObjectRequest request = withProgress(item.request(), tally);
        Mono<BatchResult> upload = item instanceof BatchItem.File file
                ? alreadyDone(file, done).switchIfEmpty(Mono.defer(() -> stored(item, uploadFile(request, file.file()))))
                : stored(item, uploader.upload(request, ((BatchItem.Stream) item).data()));
        return upload
                .onErrorResume(error -> Mono.just(new BatchResult.Failed(item.request(), error)))
                .doOnNext(tally::ended);
    }

    private static Mono<BatchResult> stored(BatchItem item, Mono<UploadResult> upload) {
        return upload.map(result -> new BatchResult.Stored(item.request(), result));
    }

    /** The recorded result when the journal holds this file, unchanged, for this target. */
    private static Mono<BatchResult> alreadyDone(BatchItem.File item, Map<String, BatchJournal.Entry> done) {
        PutObjectRequest request = item.request();
        BatchJournal.Entry entry = done.get(request.bucket() + "/" + request.key());
        if (entry == null) {
            return Mono.empty();
        }
        Path file = item.file();
        return FileUpload.FileState.of(file)
                .filter(state -> entry.file().equals(file.toAbsolutePath().toString()) && state.size() == entry.size()
                        && state.lastModifiedMillis() == entry.lastModifiedMillis())
                .map(same -> new BatchResult.Skipped(request, entry.result()));
    }

    /** Uploads a file and, in a resumable batch, records it as finished for the version read at the start. */
    private Mono<UploadResult> uploadFile(PutObjectRequest request, Path file) {
        if (journal == null) {
            return uploader.uploadFile(request, file);
        }
        return FileUpload.FileState.of(file).flatMap(state -> uploader.uploadFile(request, file)
                .flatMap(result -> journal.append(new BatchJournal.Entry(result.bucket(), result.key(),
                                file.toAbsolutePath().toString(), state.size(), state.lastModifiedMillis(),
                                result.etag(), result.crc64(), result.versionId(), result.requestId()))
                        .thenReturn(result)));
    }

    private PutObjectRequest withProgress(PutObjectRequest request, Tally tally) {
        if (options.progressListener().isEmpty()) {
            return request;
        }
        AtomicLong mine = new AtomicLong();
        ProgressListener own = request.progressListener().orElse(null);
        return request.toBuilder().progressListener(progress -> {
            tally.sent(progress.transferredBytes() - mine.getAndSet(progress.transferredBytes()));
            if (own != null) {
                own.onProgress(progress);
            }
        }).build();
    }

    /** The batch's running totals, reported to the progress listener. */
    private final class Tally {
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicInteger stored = new AtomicInteger();
        private final @Nullable MonotonicProgress shown = options.progressListener().map(MonotonicProgress::new)
                .orElse(null);

        void sent(long delta) {
            bytes.addAndGet(delta);
            report();
        }

        void ended(BatchResult result) {
            if (result instanceof BatchResult.Stored || result instanceof BatchResult.Skipped) {
                stored.incrementAndGet();
            }
            report();
        }

        private void report() {
            if (shown != null) {
                shown.report(bytes.get(), OptionalLong.empty(), stored.get(), OptionalInt.empty());
            }
        }
    }
}
