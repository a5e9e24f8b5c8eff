package dev.ossflux.multipart.internal;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** The {@link MultipartUploader} behind {@code MultipartUploader.create}. */
public final class DefaultMultipartUploader implements MultipartUploader {

    private final OssClient client;
    private final MultipartOptions options;

    public DefaultMultipartUploader(OssClient client, MultipartOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public MultipartOptions options() {
        return options;
    }

    @Override
    public MultipartUploader withOptions(MultipartOptions options) {
        return new DefaultMultipartUploader(client, options);
    }

    @Override
    public Mono<UploadResult> uploadFile(PutObjectRequest request, Path file) {
        return Mono.defer(() -> new FileUpload(client, options, Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(file, "file")).run());
    }

    @Override
    public Mono<UploadResult> upload(PutObjectRequest request, Publisher<ByteBuffer> data) {
        return Mono.defer(() -> new StreamUpload(client, options, Objects.requireNonNull(request, "request"))
                .run(Objects.requireNonNull(data, "data")));
    }

    @Override
    public String toString() {
        return "MultipartUploader[" + options + "]";
    }
}
