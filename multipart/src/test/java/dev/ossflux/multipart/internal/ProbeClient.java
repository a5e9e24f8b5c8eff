package dev.ossflux.multipart.internal;

import dev.ossflux.core.GetObjectRequest;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.ObjectContent;
import dev.ossflux.core.ObjectMetadata;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PostForm;
import dev.ossflux.core.PostPolicy;
import dev.ossflux.core.PresignRequest;
import dev.ossflux.core.PresignedRequest;
import dev.ossflux.core.ProgressListener;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.TransferBudget;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.callback.Callback;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.publisher.PublisherProbe;

/**
 * An {@link OssClient} without a network for tests of the upload orchestration: every call is a
 * {@link PublisherProbe} that tells whether it was subscribed or cancelled, parts are answered as the
 * test scripts them, and uploads are held to a (generous) transfer budget so that tests can check
 * that every reserved byte is given back.
 */
final class ProbeClient implements OssClient {

    static final MultipartUpload UPLOAD = new MultipartUpload("bucket", "key", "upload-1");

    final PublisherProbe<MultipartUpload> initiate = PublisherProbe.of(Mono.just(UPLOAD));
    final PublisherProbe<UploadResult> put = PublisherProbe.of(Mono.fromSupplier(() -> result("put")));
    final PublisherProbe<UploadResult> complete = PublisherProbe.of(Mono.fromSupplier(() -> result("complete")));
    final PublisherProbe<Void> abort = PublisherProbe.empty();

    private final IntFunction<Mono<UploadedPart>> parts;
    private final Map<Integer, CompletableFuture<PublisherProbe<UploadedPart>>> started = new ConcurrentHashMap<>();
    private final TransferBudget budget = budget(1L << 30);

    /** A client that answers the upload of part n with {@code parts.apply(n)}. */
    ProbeClient(IntFunction<Mono<UploadedPart>> parts) {
        this.parts = parts;
    }

    /** A part stored as it would be by OSS. */
    static Mono<UploadedPart> stored(int number) {
        return Mono.just(new UploadedPart(number, "etag-" + number, 100 * 1024, number));
    }

    /** The budget of a client that never sends anything, limited to {@code bytes}. */
    static TransferBudget budget(long bytes) {
        try (OssClient unused = OssClient.builder().endpoint("http://127.0.0.1:9").maxBytesInFlight(bytes)
                .maxRequestsInFlight(1000).build()) {
            return unused.transferBudget();
        }
    }

    /** The probe of part {@code number}'s upload, once it has been subscribed (waiting at most 5 s). */
    PublisherProbe<UploadedPart> awaitPart(int number) {
        try {
            return started(number).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("part " + number + " was not uploaded within 5 s", e);
        }
    }

    /**
     * Asserts that part {@code number}'s upload gets cancelled (within 5 s): a part subscribed on another thread
     * takes a cancel that raced its subscription once that subscription is in place.
     */
    void assertPartCancelled(int number) {
        PublisherProbe<UploadedPart> probe = awaitPart(number);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!probe.wasCancelled() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        probe.assertWasCancelled();
    }

    @Override
    public Mono<UploadResult> putObject(PutObjectRequest request, UploadBody body) {
        return put.mono();
    }

    @Override
    public Mono<MultipartUpload> initiateMultipartUpload(PutObjectRequest request) {
        return initiate.mono();
    }

    @Override
    public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body) {
        PublisherProbe<UploadedPart> probe = PublisherProbe.of(parts.apply(partNumber));
        return probe.mono().doOnSubscribe(subscription -> started(partNumber).complete(probe));
    }

    @Override
    public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body,
            ProgressListener progress) {
        return uploadPart(upload, partNumber, body);
    }

    @Override
    public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts) {
        return complete.mono();
    }

    @Override
    public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts,
            Callback callback) {
        return complete.mono();
    }

    @Override
    public Mono<Void> abortMultipartUpload(MultipartUpload upload) {
        return abort.mono();
    }

    @Override
    public Flux<UploadedPart> listParts(MultipartUpload upload) {
        return Flux.empty();
    }

    @Override
    public Flux<MultipartUpload> listMultipartUploads(String bucket, String prefix) {
        return Flux.empty();
    }

    @Override
    public Mono<ObjectContent> getObject(GetObjectRequest request) {
        return Mono.error(new UnsupportedOperationException("getObject"));
    }

    @Override
    public Mono<ObjectMetadata> headObject(String bucket, String key) {
        return Mono.error(new UnsupportedOperationException("headObject"));
    }

    @Override
    public Mono<Void> deleteObject(String bucket, String key) {
        return Mono.error(new UnsupportedOperationException("deleteObject"));
    }

    @Override
    public Mono<PostForm> signPostPolicy(PostPolicy policy) {
        return Mono.error(new UnsupportedOperationException("signPostPolicy"));
    }

    @Override
    public Mono<PresignedRequest> presign(PresignRequest request) {
        return Mono.error(new UnsupportedOperationException("presign"));
    }

    @Override
    public TransferBudget transferBudget() {
        return budget;
    }

    @Override
    public Mono<Void> disposeLater() {
        return Mono.empty();
    }

    @Override
    public void close() {
    }

    private CompletableFuture<PublisherProbe<UploadedPart>> started(int number) {
        return started.computeIfAbsent(number, any -> new CompletableFuture<>());
    }

    private static UploadResult result(String etag) {
        return new UploadResult("bucket", "key", etag, 0, 0, Optional.empty(), "request-id", Optional.empty());
    }
}
