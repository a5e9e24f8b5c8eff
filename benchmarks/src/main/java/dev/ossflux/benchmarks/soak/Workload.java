package dev.ossflux.benchmarks.soak;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.Crc64;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.multipart.BatchOptions;
import dev.ossflux.multipart.BatchResult;
import dev.ossflux.multipart.BatchUploader;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The client side of the soak, four loops at once until the deadline: small PutObjects with a
 * callback (8 in flight), multipart uploads of files with checkpoints (resumed up to twice when they
 * fail), streams of unknown length, and a directory batch with a journal (rerun until every file is
 * stored, then replaced by a new tree). About one call in 25 is cancelled midway. Every call ends in
 * the {@link Tally} as stored (and in the {@link Ledger}), failed with its error, or cancelled.
 */
final class Workload {

    static final long PART_SIZE = 4L << 20;
    private static final int SMALL_IN_FLIGHT = 8;
    private static final int SMALL_MAX = 64 * 1024;
    /** Paces the small uploads (at most ~80 a second): unpaced, a long soak stores so many objects that the
     * emulator takes minutes to read its data directory back after a kill. */
    private static final Duration SMALL_PAUSE = Duration.ofMillis(100);
    private static final int CHUNK = 64 * 1024;
    private static final Duration HUNG = Duration.ofMinutes(5);
    private static final int FILE_ATTEMPTS = 3;
    private static final int BATCH_RUNS = 4;
    /**
     * The pause after each file, stream and batch round: without it the soak stores ~2 GiB a minute, and the
     * emulator's data directory would fill the disk over a long run.
     */
    private static final Duration LARGE_PAUSE = Duration.ofSeconds(5);

    private final OssClient client;
    private final String bucket;
    private final String callbackUrl;
    private final Ledger ledger;
    private final Tally tally;
    private final SourceFiles sources;
    private final Sabotages sabotage;
    private final long seed;
    private final BooleanSupplier nearOutage;
    private final MultipartUploader files;
    private final MultipartUploader streams;
    private final BatchUploader batches;
    private final byte[] smallSource;
    private final AtomicInteger nextCall = new AtomicInteger();

    Workload(OssClient client, String bucket, String callbackUrl, Ledger ledger, Tally tally, SourceFiles sources,
            Path checkpoints, Sabotages sabotage, long seed, BooleanSupplier nearOutage) {
        this.nearOutage = nearOutage;
        this.client = client;
        this.bucket = bucket;
        this.callbackUrl = callbackUrl;
        this.ledger = ledger;
        this.tally = tally;
        this.sources = sources;
        this.sabotage = sabotage;
        this.seed = seed;
        MultipartOptions options = MultipartOptions.builder().partSize(PART_SIZE).concurrency(4).build();
        this.files = MultipartUploader.create(client, options.toBuilder().checkpointDir(checkpoints.resolve("files"))
                .build());
        this.streams = MultipartUploader.create(client, options);
        this.batches = BatchUploader.create(MultipartUploader.create(client, options), BatchOptions.builder()
                .concurrency(8).checkpointDir(checkpoints.resolve("batch")).build());
        this.smallSource = new byte[2 * SMALL_MAX];
        new Random(seed).nextBytes(smallSource);
    }

    /** Runs the four loops until {@code deadlineNanos} ({@link System#nanoTime()}); each call started ends. */
    Mono<Void> run(long deadlineNanos) {
        return Mono.when(smallPuts(deadlineNanos), fileUploads(deadlineNanos), streamUploads(deadlineNanos),
                batchRounds(deadlineNanos));
    }

    private static Flux<Integer> until(long deadlineNanos) {
        return Flux.range(0, Integer.MAX_VALUE).takeWhile(i -> System.nanoTime() < deadlineNanos);
    }

    /** Runs {@code one} again and again, one at a time with a {@link #LARGE_PAUSE} after each, until the deadline. */
    private static Mono<Void> until(long deadlineNanos, Supplier<Mono<Void>> one) {
        return Mono.defer(one).then(Mono.delay(LARGE_PAUSE)).repeat(() -> System.nanoTime() < deadlineNanos).then();
    }

    private Mono<Void> smallPuts(long deadlineNanos) {
        Random random = new Random(seed + 1);
        return until(deadlineNanos)
                .map(i -> new int[] {random.nextInt(SMALL_MAX), 1 + random.nextInt(SMALL_MAX), cancelAfter(random)})
                .flatMap(plan -> smallPut(plan).then(Mono.delay(SMALL_PAUSE)), SMALL_IN_FLIGHT)
                .then();
    }

    private Mono<Void> smallPut(int[] plan) {
        int call = nextCall.getAndIncrement();
        String key = "small/" + call;
        byte[] data = Arrays.copyOfRange(smallSource, plan[0], plan[0] + plan[1]);
        long crc = Crc64.of(data);
        PutObjectRequest request = PutObjectRequest.builder(bucket, key).callback(callback(call)).build();
        Mono<UploadResult> put = Mono.defer(() -> client.putObject(request, UploadBody.fromBytes(data)));
        put = sabotage.smallPut(put, call, key);
        return ended(put, key, data.length, () -> crc, plan[2]);
    }

    private Mono<Void> fileUploads(long deadlineNanos) {
        Random random = new Random(seed + 2);
        AtomicInteger nextFile = new AtomicInteger();
        return until(deadlineNanos, () -> fileUpload(sources.pick(random), "files/" + nextFile.getAndIncrement(),
                random, 1));
    }

    /** Uploads {@code source}, resuming from its checkpoint when an attempt fails or is cancelled. */
    private Mono<Void> fileUpload(SourceFiles.Source source, String key, Random random, int attempt) {
        int call = nextCall.getAndIncrement();
        if (attempt > 1) {
            tally.resumes.increment();
        }
        PutObjectRequest request = PutObjectRequest.builder(bucket, key).callback(callback(call)).build();
        Mono<UploadResult> upload = files.uploadFile(request, source.path());
        int cancelAfter = cancelAfter(random) * 4;
        return endedStored(upload, key, source.size(), source::crc64, cancelAfter)
                .flatMap(stored -> {
                    if (stored && attempt > 1) {
                        tally.resumedToCompletion.increment();
                    }
                    return stored || attempt == FILE_ATTEMPTS ? Mono.<Void>empty()
                            : fileUpload(source, key, random, attempt + 1);
                });
    }

    private Mono<Void> streamUploads(long deadlineNanos) {
        Random random = new Random(seed + 3);
        return until(deadlineNanos, () -> {
            int call = nextCall.getAndIncrement();
            String key = "streams/" + call;
            long streamSeed = random.nextLong();
            long size = (4L << 20) + random.nextInt(12 << 20);
            PutObjectRequest request = PutObjectRequest.builder(bucket, key).callback(callback(call)).build();
            return ended(streams.upload(request, stream(streamSeed, size)), key, size,
                    () -> crcOfStream(streamSeed, size), cancelAfter(random) * 4);
        });
    }

    private Mono<Void> batchRounds(long deadlineNanos) {
        AtomicInteger round = new AtomicInteger();
        return until(deadlineNanos, () -> {
            int r = round.getAndIncrement();
            return SoakTree.write(sources.batchRoot().resolve("r" + r), seed + r)
                    .flatMap(tree -> batchRun(tree, "batch/r" + r + "/", 1));
        });
    }

    /** Runs the batch over {@code tree}; reruns it (skipping what is stored) until nothing failed. */
    private Mono<Void> batchRun(SoakTree tree, String prefix, int run) {
        tally.batchRuns.increment();
        return batches.uploadDirectory(tree.root(), bucket, prefix)
                .concatMap(result -> {
                    if (result instanceof BatchResult.Stored stored) {
                        tally.calls.increment();
                        return Mono.fromRunnable(() -> storedItem(tree, prefix, stored)).thenReturn(false);
                    }
                    if (result instanceof BatchResult.Failed failed) {
                        tally.calls.increment();
                        tally.failed(failed.error());
                        abandoned(failed.request().key());
                        return Mono.just(true);
                    }
                    tally.batchSkipped.increment();
                    return Mono.just(false);
                })
                .any(failed -> failed)
                .flatMap(someFailed -> someFailed && run < BATCH_RUNS ? batchRun(tree, prefix, run + 1)
                        : someFailed ? Mono.empty() : tree.delete());
    }

    private void storedItem(SoakTree tree, String prefix, BatchResult.Stored stored) {
        String key = stored.request().key();
        SoakTree.File file = tree.file(key.substring(prefix.length()));
        stored(key, file.size(), file.crc64(), stored.result());
    }

    /** {@link #endedStored} for a call that is not followed up. */
    private Mono<Void> ended(Mono<UploadResult> call, String key, long size, LongSupplier crc, int cancelAfterMillis) {
        return endedStored(call, key, size, crc, cancelAfterMillis).then();
    }

    /**
     * Counts the call's end: stored (the result matching the soak's own size and CRC-64, or counted as
     * mismatched), failed with its error (a {@link CallbackFailedException} counts as stored: the object
     * is), cancelled after {@code cancelAfterMillis} (0: never), or hung. Answers whether it was stored.
     */
    private Mono<Boolean> endedStored(Mono<UploadResult> call, String key, long size, LongSupplier crc,
            int cancelAfterMillis) {
        tally.calls.increment();
        Mono<UploadResult> guarded = call.timeout(HUNG, Mono.error(new Hung()));
        if (cancelAfterMillis > 0) {
            guarded = guarded.take(Duration.ofMillis(cancelAfterMillis));
        }
        return guarded
                .map(result -> stored(key, size, crc.getAsLong(), result))
                .onErrorResume(error -> {
                    if (error instanceof CallbackFailedException callbackFailed) {
                        tally.storedWithFailedCallback.increment();
                        return Mono.just(stored(key, size, crc.getAsLong(), callbackFailed.result()));
                    }
                    if (error instanceof Hung) {
                        tally.hung.increment();
                    } else {
                        tally.failed(error);
                    }
                    abandoned(key);
                    return Mono.just(false);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    tally.cancelled.increment();
                    abandoned(key);
                    return false;
                }));
    }

    /** Notes a call that ended unstored near an emulator outage, whose Abort may not have reached it. */
    private void abandoned(String key) {
        if (nearOutage.getAsBoolean()) {
            ledger.abandonedNearOutage(key);
        }
    }

    private boolean stored(String key, long size, long crc, UploadResult result) {
        if (result.size() != size || result.crc64() != crc) {
            tally.mismatched.increment();
            return false;
        }
        ledger.stored(key, size, crc);
        tally.stored.increment();
        tally.storedBytes.add(size);
        return true;
    }

    private Callback callback(int call) {
        return Callback.builder(callbackUrl, "call=${x:call}&object=${object}")
                .variable("x:call", Integer.toString(call)).build();
    }

    /** About one call in 25 is cancelled, after 20 to 500 ms. */
    private static int cancelAfter(Random random) {
        return random.nextInt(25) == 0 ? 20 + random.nextInt(480) : 0;
    }

    private static Flux<ByteBuffer> stream(long streamSeed, long size) {
        return Flux.generate(() -> new StreamState(new Random(streamSeed), size), (state, sink) -> {
            if (state.left == 0) {
                sink.complete();
                return state;
            }
            byte[] chunk = new byte[(int) Math.min(CHUNK, state.left)];
            state.random.nextBytes(chunk);
            state.left -= chunk.length;
            sink.next(ByteBuffer.wrap(chunk));
            return state;
        });
    }

    private static long crcOfStream(long streamSeed, long size) {
        long crc = 0;
        Random random = new Random(streamSeed);
        byte[] chunk = new byte[CHUNK];
        for (long left = size; left > 0; left -= CHUNK) {
            int n = (int) Math.min(CHUNK, left);
            random.nextBytes(n == CHUNK ? chunk : (chunk = new byte[n]));
            crc = Crc64.update(crc, chunk, 0, n);
        }
        return crc;
    }

    /** Where a stream is in its bytes. */
    private static final class StreamState {
        private final Random random;
        private long left;

        StreamState(Random random, long left) {
            this.random = random;
            this.left = left;
        }
    }

    /** A call that did not end within {@link #HUNG}. */
    private static final class Hung extends TimeoutException {
        private static final long serialVersionUID = 1L;
    }
}
