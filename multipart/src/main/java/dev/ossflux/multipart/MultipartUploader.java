package dev.ossflux.multipart;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.multipart.internal.DefaultMultipartUploader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Uploads files and streams of any size as concurrent multipart uploads, with the upload
 * callback on the completing request.
 *
 * <pre>{@code
 * MultipartUploader uploader = MultipartUploader.create(client,
 *         MultipartOptions.builder().concurrency(8).checkpointDir(Path.of(".ossflux")).build());
 * Mono<UploadResult> upload = uploader.uploadFile(
 *         PutObjectRequest.builder("examplebucket", "backups/db.tar").callback(callback).build(),
 *         Path.of("db.tar"));
 * }</pre>
 *
 * <p>The object is split into parts uploaded {@linkplain MultipartOptions#concurrency() a few at a
 * time}; each part's CRC-64 is checked as OSS confirms it and the parts' combined CRC-64 is checked
 * against the completed object. A part that fails is retried alone (by the client's retry
 * policy). Small uploads, below {@link MultipartOptions#multipartThreshold()}, go in one
 * PutObject. The {@link PutObjectRequest}'s callback travels on the request that creates the
 * object, and its reply is in the result exactly as with {@link OssClient#putObject}; its progress
 * listener receives bytes and parts done.
 *
 * <p>Cancelling the returned {@code Mono}, or any failure, aborts the multipart upload so that no
 * orphan parts are left, unless a {@linkplain MultipartOptions#checkpointDir() checkpoint directory}
 * makes the upload resumable: then the upload and its checkpoint are kept, and the same call
 * later sends only the missing parts.
 */
public interface MultipartUploader {

    /** An uploader with {@linkplain MultipartOptions#defaults() default options}. */
    static MultipartUploader create(OssClient client) {
        return create(client, MultipartOptions.defaults());
    }

    /**
     * An uploader sending through {@code client}: one built with {@link OssClient#builder()}, or any
     * implementation that delegates to one (to add metrics, tracing or a test double).
     */
    static MultipartUploader create(OssClient client, MultipartOptions options) {
        return new DefaultMultipartUploader(client, options);
    }

    MultipartOptions options();

    /** This uploader with other options, sharing the client. */
    MultipartUploader withOptions(MultipartOptions options);

    /**
     * Uploads {@code file}; resumes a checkpointed upload of the same file to the same key. The file
     * must not change during the upload: a changed size or modification time since the checkpoint
     * fails with {@link IllegalStateException} (or restarts, see
     * {@link MultipartOptions#restartChangedFiles()}).
     */
    Mono<UploadResult> uploadFile(PutObjectRequest request, Path file);

    /**
     * Uploads a stream of unknown length: bytes are cut into parts as they arrive, with demand
     * passed back to {@code data} so that at most {@code concurrency} parts are held in memory.
     * An error from {@code data} aborts the upload. Emitted buffers must not be modified afterwards.
     * Streams cannot be resumed.
     */
    Mono<UploadResult> upload(PutObjectRequest request, Publisher<ByteBuffer> data);
}
