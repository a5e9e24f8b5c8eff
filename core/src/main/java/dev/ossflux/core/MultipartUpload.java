package dev.ossflux.core;

import dev.ossflux.core.internal.Names;
import java.util.Objects;

/** A multipart upload OSS has opened for {@code bucket}/{@code key}. */
public record MultipartUpload(String bucket, String key, String uploadId) {

    public MultipartUpload {
        Names.requireBucket(bucket);
        Names.requireKey(key);
        Objects.requireNonNull(uploadId, "uploadId");
        if (uploadId.isBlank()) {
            throw new IllegalArgumentException("uploadId: must not be blank");
        }
    }
}
