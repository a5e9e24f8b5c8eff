package dev.ossflux.multipart.internal;

import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.ProgressListener;
import dev.ossflux.core.UploadBody;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/** Completing and aborting a multipart upload, shared by file and stream uploads. */
final class Parts {

    private static final Logger LOG = Loggers.getLogger(Parts.class);

    private Parts() {
    }

    /** Completes {@code upload}, with the request's callback when it has one. */
    static Mono<UploadResult> complete(OssClient client, PutObjectRequest request, MultipartUpload upload,
            List<UploadedPart> parts) {
        return request.callback()
                .map(callback -> client.completeMultipartUpload(upload, parts, callback))
                .orElseGet(() -> client.completeMultipartUpload(upload, parts));
    }

    /** Uploads one part, reporting its bytes to {@code progress} when someone listens. */
    static Mono<UploadedPart> upload(OssClient client, MultipartUpload upload, int number, UploadBody body,
            @Nullable ProgressListener progress) {
        return progress == null ? client.uploadPart(upload, number, body)
                : client.uploadPart(upload, number, body, progress);
    }

    /** Aborts {@code upload}; a failure is logged, never raised over the error that led here. */
    static Mono<Void> abortQuietly(OssClient client, MultipartUpload upload) {
        return client.abortMultipartUpload(upload).onErrorResume(error -> {
            LOG.warn("Aborting multipart upload {} of {}/{} failed: {}", upload.uploadId(), upload.bucket(),
                    upload.key(), error.toString());
            return Mono.empty();
        });
    }
}
