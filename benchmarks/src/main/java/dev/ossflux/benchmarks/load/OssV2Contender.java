package dev.ossflux.benchmarks.load;

import com.aliyun.sdk.service.oss2.OSSAsyncClient;
import com.aliyun.sdk.service.oss2.credentials.StaticCredentialsProvider;
import com.aliyun.sdk.service.oss2.models.CompleteMultipartUpload;
import com.aliyun.sdk.service.oss2.models.CompleteMultipartUploadRequest;
import com.aliyun.sdk.service.oss2.models.InitiateMultipartUploadRequest;
import com.aliyun.sdk.service.oss2.models.Part;
import com.aliyun.sdk.service.oss2.models.PutObjectRequest;
import com.aliyun.sdk.service.oss2.models.UploadPartRequest;
import com.aliyun.sdk.service.oss2.transport.BinaryData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code com.aliyun:alibabacloud-oss-v2} with its {@link OSSAsyncClient} (Apache HttpClient 5 async
 * underneath): V4 signing, path style on loopback, its default CRC-64 check on. The async client has
 * no file uploader, so a file is sent as hand-written multipart: parts read into memory off the
 * I/O threads, {@code uploadPartAsync} a few at a time. A stream of unknown length goes in one
 * {@code putObjectAsync} of {@code BinaryData.fromStream}.
 */
final class OssV2Contender implements Contender {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Target target;
    private final OSSAsyncClient client;

    OssV2Contender(Target target) {
        this.target = target;
        this.client = OSSAsyncClient.newBuilder()
                .endpoint(target.endpoint())
                .region(target.region())
                .credentialsProvider(new StaticCredentialsProvider(target.accessKeyId(), target.accessKeySecret()))
                .usePathStyle(true)
                .signatureVersion("v4")
                .build();
    }

    @Override
    public void putObjects(String prefix, int count, byte[] data, int concurrency, boolean withCallback,
            Latencies latencies) {
        String callback = target.callbackHeader();
        Flux.range(0, count)
                .flatMap(i -> Mono.defer(() -> {
                    long start = System.nanoTime();
                    PutObjectRequest.Builder request = PutObjectRequest.newBuilder()
                            .bucket(target.bucket()).key(prefix + "/" + i).body(BinaryData.fromBytes(data));
                    if (withCallback) {
                        request.callback(callback);
                    }
                    return Mono.fromFuture(client.putObjectAsync(request.build()))
                            .doOnNext(result -> {
                                if (result.eTag() == null) {
                                    throw new IllegalStateException("no ETag for " + prefix + "/" + i);
                                }
                                if (withCallback && (result.callbackResult() == null
                                        || result.callbackResult().isEmpty())) {
                                    throw new IllegalStateException("no callback reply for " + prefix + "/" + i);
                                }
                                latencies.since(start);
                            });
                }), concurrency)
                .then()
                .block(TIMEOUT);
    }

    @Override
    public void uploadFile(String key, Path file, long partBytes, int concurrency) throws IOException {
        long size = java.nio.file.Files.size(file);
        int parts = (int) ((size + partBytes - 1) / partBytes);
        String uploadId = client.initiateMultipartUploadAsync(InitiateMultipartUploadRequest.newBuilder()
                .bucket(target.bucket()).key(key).build()).join().initiateMultipartUpload().uploadId();
        List<Part> done = Flux.range(1, parts)
                .flatMap(number -> Mono.fromCallable(() -> read(file, (number - 1) * partBytes,
                                (int) Math.min(partBytes, size - (number - 1) * partBytes)))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(bytes -> Mono.fromFuture(() -> client.uploadPartAsync(UploadPartRequest.newBuilder()
                                .bucket(target.bucket()).key(key).uploadId(uploadId).partNumber((long) number)
                                .body(BinaryData.fromBytes(bytes)).build())))
                        .map(result -> Part.newBuilder().partNumber((long) number).eTag(result.eTag()).build()),
                        concurrency)
                .collectSortedList(Comparator.comparing(Part::partNumber))
                .block(TIMEOUT);
        client.completeMultipartUploadAsync(CompleteMultipartUploadRequest.newBuilder()
                .bucket(target.bucket()).key(key).uploadId(uploadId)
                .completeMultipartUpload(CompleteMultipartUpload.newBuilder().parts(done).build())
                .build()).join();
    }

    @Override
    public void uploadStream(String key, InputStream data, long partBytes, int concurrency) {
        client.putObjectAsync(PutObjectRequest.newBuilder().bucket(target.bucket()).key(key)
                .body(BinaryData.fromStream(data)).build()).join();
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    private static byte[] read(Path file, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException(file + " ended early");
                }
            }
        }
        return bytes;
    }
}
