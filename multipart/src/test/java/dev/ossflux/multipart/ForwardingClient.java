package dev.ossflux.multipart;

import dev.ossflux.core.GetObjectRequest;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.ObjectContent;
import dev.ossflux.core.ObjectMetadata;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.ProgressListener;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.TransferBudget;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.callback.Callback;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An {@link OssClient} that passes every call to another; tests override the calls they change. */
class ForwardingClient implements OssClient {

    private final OssClient delegate;

    ForwardingClient(OssClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<UploadResult> putObject(PutObjectRequest request, UploadBody body) {
        return delegate.putObject(request, body);
    }

    @Override
    public Mono<ObjectContent> getObject(GetObjectRequest request) {
        return delegate.getObject(request);
    }

    @Override
    public Mono<ObjectMetadata> headObject(String bucket, String key) {
        return delegate.headObject(bucket, key);
    }

    @Override
    public Mono<Void> deleteObject(String bucket, String key) {
        return delegate.deleteObject(bucket, key);
    }

    @Override
    public Mono<MultipartUpload> initiateMultipartUpload(PutObjectRequest request) {
        return delegate.initiateMultipartUpload(request);
    }

    @Override
    public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body) {
        return delegate.uploadPart(upload, partNumber, body);
    }

    @Override
    public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body,
            ProgressListener progress) {
        return delegate.uploadPart(upload, partNumber, body, progress);
    }

    @Override
    public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts) {
        return delegate.completeMultipartUpload(upload, parts);
    }

    @Override
    public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts,
            Callback callback) {
        return delegate.completeMultipartUpload(upload, parts, callback);
    }

    @Override
    public Mono<Void> abortMultipartUpload(MultipartUpload upload) {
        return delegate.abortMultipartUpload(upload);
    }

    @Override
    public Flux<UploadedPart> listParts(MultipartUpload upload) {
        return delegate.listParts(upload);
    }

    @Override
    public Flux<MultipartUpload> listMultipartUploads(String bucket, String prefix) {
        return delegate.listMultipartUploads(bucket, prefix);
    }

    @Override
    public TransferBudget transferBudget() {
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
