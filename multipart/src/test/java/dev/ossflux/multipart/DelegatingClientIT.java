package dev.ossflux.multipart;

import static dev.ossflux.multipart.MultipartUploadIT.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.Crc64;
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
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.OssEmulatorExtension;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Multipart uploads through an {@link OssClient} that decorates another, as metrics or tracing wrappers do. */
class DelegatingClientIT {

    private static final String BUCKET = "examplebucket";
    private static final int PART = 100 * 1024;

    @RegisterExtension
    final OssEmulatorExtension oss = new OssEmulatorExtension(OssEmulator.builder().bucket(BUCKET));

    @TempDir
    Path dir;

    @Test
    void uploadsAFileInPartsThroughADecoratedClient() throws IOException {
        byte[] data = random(5 * PART + 7, 21);
        Path file = Files.write(dir.resolve("data.bin"), data);
        try (CountingClient client = new CountingClient(oss.clientBuilder().maxBytesInFlight(2L * PART).build())) {
            MultipartUploader uploader = MultipartUploader.create(client, MultipartOptions.builder().partSize(PART)
                    .concurrency(3).multipartThreshold(1).build());

            StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "wrapped.bin"), file))
                    .assertNext(result -> assertThat(result.crc64()).isEqualTo(Crc64.of(data)))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));

            assertThat(client.calls).containsEntry("initiateMultipartUpload", 1).containsEntry("uploadPart", 6)
                    .containsEntry("completeMultipartUpload", 1);
            assertThat(oss.emulator().object(BUCKET, "wrapped.bin").orElseThrow().bytes()).isEqualTo(data);
        }
    }

    @Test
    void uploadsAStreamWithinTheDecoratedClientsBudget() {
        byte[] data = random(4 * PART + 3, 22);
        try (CountingClient client = new CountingClient(oss.clientBuilder().maxBytesInFlight(2L * PART).build())) {
            MultipartUploader uploader = MultipartUploader.create(client, MultipartOptions.builder().partSize(PART)
                    .concurrency(4).build());

            StepVerifier.create(uploader.upload(PutObjectRequest.of(BUCKET, "stream.bin"),
                            Flux.range(0, data.length / 1000 + 1).map(i -> ByteBuffer.wrap(data, i * 1000,
                                    Math.min(1000, data.length - i * 1000)))))
                    .assertNext(result -> assertThat(result.crc64()).isEqualTo(Crc64.of(data)))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));

            assertThat(client.calls).as("the stream reserved its parts' room through the wrapper")
                    .containsEntry("uploadPart", 5).containsKey("transferBudget");
            assertThat(client.transferBudget().peakBytes()).as("parts held at once").isLessThanOrEqualTo(2L * PART);
            assertThat(client.transferBudget().bytesInUse()).isZero();
        }
    }

    /** Counts the calls it passes on to the client it wraps. */
    private static final class CountingClient implements OssClient {
        final Map<String, Integer> calls = new ConcurrentHashMap<>();
        private final OssClient delegate;

        CountingClient(OssClient delegate) {
            this.delegate = delegate;
        }

        private void count(String operation) {
            calls.merge(operation, 1, Integer::sum);
        }

        @Override
        public Mono<UploadResult> putObject(PutObjectRequest request, UploadBody body) {
            count("putObject");
            return delegate.putObject(request, body);
        }

        @Override
        public Mono<ObjectContent> getObject(GetObjectRequest request) {
            count("getObject");
            return delegate.getObject(request);
        }

        @Override
        public Mono<ObjectMetadata> headObject(String bucket, String key) {
            count("headObject");
            return delegate.headObject(bucket, key);
        }

        @Override
        public Mono<Void> deleteObject(String bucket, String key) {
            count("deleteObject");
            return delegate.deleteObject(bucket, key);
        }

        @Override
        public Mono<MultipartUpload> initiateMultipartUpload(PutObjectRequest request) {
            count("initiateMultipartUpload");
            return delegate.initiateMultipartUpload(request);
        }

        @Override
        public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body) {
            count("uploadPart");
            return delegate.uploadPart(upload, partNumber, body);
        }

        @Override
        public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body,
                ProgressListener progress) {
            count("uploadPart");
            return delegate.uploadPart(upload, partNumber, body, progress);
        }

        @Override
        public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts) {
            count("completeMultipartUpload");
            return delegate.completeMultipartUpload(upload, parts);
        }

        @Override
        public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts,
                Callback callback) {
            count("completeMultipartUpload");
            return delegate.completeMultipartUpload(upload, parts, callback);
        }

        @Override
        public Mono<Void> abortMultipartUpload(MultipartUpload upload) {
            count("abortMultipartUpload");
            return delegate.abortMultipartUpload(upload);
        }

        @Override
        public Flux<UploadedPart> listParts(MultipartUpload upload) {
            count("listParts");
            return delegate.listParts(upload);
        }

        @Override
        public Flux<MultipartUpload> listMultipartUploads(String bucket, String prefix) {
            count("listMultipartUploads");
            return delegate.listMultipartUploads(bucket, prefix);
        }

        @Override
        public Mono<PostForm> signPostPolicy(PostPolicy policy) {
            return delegate.signPostPolicy(policy);
        }

        @Override
        public Mono<PresignedRequest> presign(PresignRequest request) {
            return delegate.presign(request);
        }

        @Override
        public TransferBudget transferBudget() {
            count("transferBudget");
            return delegate.transferBudget();
        }

        @Override
        public Mono<Void> disposeLater() {
            return delegate.disposeLater();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
