package dev.ossflux.multipart.internal;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssException;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.OssClient;
import dev.ossflux.multipart.MultipartOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.Logger;
import reactor.util.Loggers;

/** One file to one key: PutObject when small, else a multipart upload, resumable with a checkpoint. */
final class FileUpload {

    private static final Logger LOG = Loggers.getLogger(FileUpload.class);

    private final OssClient client;
    private final MultipartOptions options;
    private final PutObjectRequest request;
    private final Path file;

    FileUpload(OssClient client, MultipartOptions options, PutObjectRequest request, Path file) {
        this.client = client;
        this.options = options;
        this.request = request;
        this.file = file;
    }

    Mono<UploadResult> run() {
        return FileState.of(file).flatMap(state -> {
            if (state.size() < options.multipartThreshold()) {
                return client.putObject(request, UploadBody.fromFile(file));
            }
            return options.checkpointDir()
                    .map(dir -> resumable(state, new CheckpointStore(dir)))
                    .orElseGet(() -> once(PartPlan.of(state.size(), options.partSize())));
        });
    }

    /** Without a checkpoint: any failure or cancellation aborts the upload. */
    private Mono<UploadResult> once(PartPlan plan) {
        return Mono.usingWhen(Parts.initiate(client, request),
                upload -> send(upload, plan, List.of(), part -> Mono.empty()),
                upload -> Mono.empty(),
                (upload, error) -> Parts.abortQuietly(client, upload),
                upload -> Parts.abortQuietly(client, upload));
    }

    private Mono<UploadResult> resumable(FileState state, CheckpointStore store) {
        Path location = store.pathFor(file, request.bucket(), request.key());
        return store.load(location).flatMap(found -> {
            if (found.isEmpty()) {
                return fresh(state, store, location);
            }
            Checkpoint checkpoint = found.get();
            if (!checkpoint.bucket().equals(request.bucket()) || !checkpoint.key().equals(request.key())
                    || !checkpoint.file().equals(file.toAbsolutePath().toString())) {
                return Mono.error(new IllegalStateException("checkpoint " + location + " records an upload of "
                        + checkpoint.file() + " to oss://" + checkpoint.bucket() + "/" + checkpoint.key()
                        + ", not of " + file.toAbsolutePath() + " to oss://" + request.bucket() + "/" + request.key()
                        + "; delete it to start over"));
            }
            if (checkpoint.initiating()) {
                return abandoned(checkpoint).then(fresh(state, store, location));
            }
            if (state.matches(checkpoint)) {
                return resume(checkpoint, state, store, location);
            }
            if (!options.restartChangedFiles()) {
                return Mono.error(new IllegalStateException(file + " changed since its checkpoint " + location
                        + " was written (size or modification time differ); restore it, delete the checkpoint, or "
                        + "allow restartChangedFiles"));
            }
            return Parts.abortQuietly(client, upload(checkpoint)).then(fresh(state, store, location));
        }).flatMap(result -> store.delete(location).thenReturn(result))
                .onErrorResume(CallbackFailedException.class,
                        failed -> store.delete(location).then(Mono.error(failed)));
    }

    /**
     * A new upload, kept for resuming once its checkpoint is saved; failing or cancelled before that, it is
     * aborted, since no checkpoint could lead a rerun to it. Before the upload is initiated a checkpoint
     * without an upload id records that it is about to exist: a crash before OSS's answer was saved
     * leaves that record, and the rerun aborts the upload it may have left (see {@link #abandoned}).
     */
    private Mono<UploadResult> fresh(FileState state, CheckpointStore store, Path location) {
        PartPlan plan = PartPlan.of(state.size(), options.partSize());
        Checkpoint intent = Checkpoint.initiating(request.bucket(), request.key(), file.toAbsolutePath().toString(),
                state.size(), state.lastModifiedMillis(), plan.partSize());
        AtomicBoolean saved = new AtomicBoolean();
        return store.save(location, intent).then(Mono.usingWhen(Parts.initiate(client, request),
                        upload -> {
                            Checkpoint started = intent.naming(upload.uploadId());
                            return store.save(location, started).doOnSuccess(done -> saved.set(true))
                                    .then(send(upload, plan, List.of(), recorder(store, location, started)));
                        },
                        upload -> Mono.empty(),
                        (upload, error) -> saved.get() ? Mono.empty() : Parts.abortQuietly(client, upload),
                        upload -> saved.get() ? Mono.empty() : Parts.abortQuietly(client, upload)))
                .onErrorResume(error -> !saved.get(), error -> store.delete(location)
                        .onErrorResume(deleting -> Mono.empty()).then(Mono.error(error)));
    }

    /**
     * Aborts what a run that crashed while initiating may have left: open uploads of the same key that
     * hold no part (that run sent none before saving the upload's id). An upload of the same key with
     * parts belongs to someone else and is left alone.
     */
    private Mono<Void> abandoned(Checkpoint intent) {
        return client.listMultipartUploads(intent.bucket(), intent.key())
                .filter(upload -> upload.key().equals(intent.key()))
                .concatMap(upload -> client.listParts(upload).hasElements()
                        .flatMap(holdsParts -> holdsParts ? Mono.<Void>empty() : Parts.abortQuietly(client, upload)))
                .then()
                .onErrorResume(error -> {
                    LOG.warn("Could not look for an upload of {}/{} left by an interrupted run (it may stay "
                            + "open until a lifecycle rule removes it): {}", intent.bucket(), intent.key(),
                            error.toString());
                    return Mono.empty();
                });
    }

    private Mono<UploadResult> resume(Checkpoint checkpoint, FileState state, CheckpointStore store, Path location) {
        PartPlan plan = PartPlan.of(state.size(), OptionalLong.of(checkpoint.partSize()));
        MultipartUpload upload = upload(checkpoint);
        return client.listParts(upload)
                .filter(part -> part.partNumber() <= plan.partCount() && part.size() == plan.size(part.partNumber()))
                .concatMap(part -> confirmed(checkpoint, plan, part))
                .collectList()
                .flatMap(done -> send(upload, plan, done, recorder(store, location, checkpoint)))
                .onErrorResume(error -> OssException.hasCode(error, "NoSuchUpload"), gone -> store.delete(location)
                        .then(fresh(state, store, location)));
    }

    /** A part OSS holds counts as done when the checkpoint recorded it or its bytes match the file's. */
    private Mono<UploadedPart> confirmed(Checkpoint checkpoint, PartPlan plan, UploadedPart onServer) {
        if (checkpoint.parts().contains(onServer)) {
            return Mono.just(onServer);
        }
        return FileRegions.crc64(file, plan.offset(onServer.partNumber()), onServer.size())
                .filter(crc -> crc == onServer.crc64())
                .map(matching -> onServer);
    }

    private Mono<UploadResult> send(MultipartUpload upload, PartPlan plan, List<UploadedPart> done,
            Function<UploadedPart, Mono<Void>> record) {
        Set<Integer> skip = done.stream().map(UploadedPart::partNumber).collect(Collectors.toSet());
        ProgressTracker progress = new ProgressTracker(request.progressListener().orElse(null),
                OptionalLong.of(plan.objectSize()), OptionalInt.of(plan.partCount()),
                done.stream().mapToLong(UploadedPart::size).sum(), done.size());
        return Flux.range(1, plan.partCount())
                .filter(number -> !skip.contains(number))
                .flatMap(number -> Parts.upload(client, upload, number,
                        UploadBody.fromFile(file, plan.offset(number), plan.size(number)), progress.forPart(number)),
                        options.concurrency())
                .concatMap(part -> record.apply(part).thenReturn(part))
                .doOnNext(progress::partDone)
                .collectList()
                .flatMap(sent -> {
                    List<UploadedPart> all = new ArrayList<>(done);
                    all.addAll(sent);
                    return Parts.complete(client, request, upload, all);
                });
    }

    private static Function<UploadedPart, Mono<Void>> recorder(CheckpointStore store, Path location,
            Checkpoint start) {
        AtomicReference<Checkpoint> current = new AtomicReference<>(start);
        return part -> store.save(location, current.updateAndGet(checkpoint -> checkpoint.with(part)));
    }

    private static MultipartUpload upload(Checkpoint checkpoint) {
        return new MultipartUpload(checkpoint.bucket(), checkpoint.key(), checkpoint.uploadId());
    }

    /** The size and modification time that identify the version of a file being uploaded. */
    record FileState(long size, long lastModifiedMillis) {

        static Mono<FileState> of(Path file) {
            return Mono.fromCallable(() -> {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    throw new IllegalArgumentException("file: " + file + " is not a regular file");
                }
                return new FileState(attributes.size(), attributes.lastModifiedTime().toMillis());
            }).subscribeOn(Schedulers.boundedElastic());
        }

        boolean matches(Checkpoint checkpoint) {
            return checkpoint.fileSize() == size && checkpoint.fileLastModifiedMillis() == lastModifiedMillis;
        }
    }
}
