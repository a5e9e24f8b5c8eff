package dev.ossflux.benchmarks.load;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.multipart.BatchOptions;
import dev.ossflux.multipart.BatchResult;
import dev.ossflux.multipart.BatchUploader;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * ossflux as its README shows it: one {@link OssClient}; each PutObject's body from the caller's
 * array through {@code UploadBody.fromBytes(byte[])}, the call a user writes first, or (the
 * {@code ossflux-bytebuffer} row) through {@code fromByteBuffer(ByteBuffer.wrap(byte[]))}; a
 * {@link MultipartUploader}, a {@link BatchUploader} for the batch.
 */
final class OssfluxContender implements Contender {

    /** The chunk a stream is read in, as a socket or a {@code DataBuffer} source would deliver it. */
    static final int STREAM_CHUNK = 64 * 1024;

    private final Target target;
    private final OssClient client;
    private final Callback callback;
    private final boolean byteBuffer;

    OssfluxContender(Target target, boolean byteBuffer) {
        this.target = target;
        this.byteBuffer = byteBuffer;
        this.client = OssClient.builder()
                .endpoint(target.endpoint())
                .region(target.region())
                .credentials(CredentialsProvider.of(target.accessKeyId(), target.accessKeySecret()))
                .maxConnections(256)
                .build();
        this.callback = Callback.builder(target.callbackUrl(), Target.CALLBACK_BODY).build();
    }

    @Override
    public void putObjects(String prefix, int count, byte[] data, int concurrency, boolean withCallback,
            Latencies latencies) {
        Flux.range(0, count)
                .flatMap(i -> Mono.defer(() -> {
                    long start = System.nanoTime();
                    PutObjectRequest.Builder request = PutObjectRequest.builder(target.bucket(), prefix + "/" + i);
                    if (withCallback) {
                        request.callback(callback);
                    }
                    UploadBody body = byteBuffer ? UploadBody.fromByteBuffer(ByteBuffer.wrap(data))
                            : UploadBody.fromBytes(data);
                    return client.putObject(request.build(), body)
                            .doOnNext(result -> {
                                check(result, data.length, withCallback);
                                latencies.since(start);
                            });
                }), concurrency)
                .then()
                .block(Duration.ofMinutes(30));
    }

    @Override
    public void uploadFile(String key, Path file, long partBytes, int concurrency) {
        MultipartUploader uploader = MultipartUploader.create(client, options(partBytes, concurrency));
        uploader.uploadFile(PutObjectRequest.of(target.bucket(), key), file).block(Duration.ofMinutes(30));
    }

    @Override
    public void uploadStream(String key, InputStream data, long partBytes, int concurrency) {
        MultipartUploader uploader = MultipartUploader.create(client, options(partBytes, concurrency));
        Flux<ByteBuffer> chunks = Flux.<ByteBuffer>generate(sink -> {
            try {
                byte[] chunk = new byte[STREAM_CHUNK];
                int n = data.readNBytes(chunk, 0, chunk.length);
                if (n == 0) {
                    sink.complete();
                } else {
                    sink.next(ByteBuffer.wrap(n == chunk.length ? chunk : Arrays.copyOf(chunk, n)));
                }
            } catch (IOException e) {
                sink.error(new UncheckedIOException(e));
            }
        }).subscribeOn(Schedulers.boundedElastic());
        uploader.upload(PutObjectRequest.of(target.bucket(), key), chunks).block(Duration.ofMinutes(30));
    }

    @Override
    public void uploadDirectory(String prefix, Path dir, int concurrency, long partBytes) {
        BatchUploader batch = BatchUploader.create(MultipartUploader.create(client, options(partBytes, 4)),
                BatchOptions.builder().concurrency(concurrency).build());
        List<BatchResult.Failed> failed = batch.uploadDirectory(dir, target.bucket(), prefix + "/")
                .ofType(BatchResult.Failed.class)
                .collectList()
                .block(Duration.ofMinutes(30));
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " files failed, first " + failed.get(0).request().key(),
                    failed.get(0).error());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static MultipartOptions options(long partBytes, int concurrency) {
        return MultipartOptions.builder().partSize(partBytes).concurrency(concurrency).build();
    }

    private static void check(UploadResult result, long size, boolean withCallback) {
        if (result.size() != size) {
            throw new IllegalStateException("stored " + result.size() + " bytes, sent " + size);
        }
        if (withCallback && result.callbackReply().isEmpty()) {
            throw new IllegalStateException("no callback reply for " + result.key());
        }
    }
}
