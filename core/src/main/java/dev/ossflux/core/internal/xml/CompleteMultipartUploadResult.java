package dev.ossflux.core.internal.xml;

import org.jspecify.annotations.Nullable;

/** The body OSS answers CompleteMultipartUpload with. */
public record CompleteMultipartUploadResult(
        @Nullable String encodingType, String location, String bucket, String key, String etag) {
}
