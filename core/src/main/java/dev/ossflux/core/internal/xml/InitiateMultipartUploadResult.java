package dev.ossflux.core.internal.xml;

/** The body OSS answers InitiateMultipartUpload with. */
public record InitiateMultipartUploadResult(String bucket, String key, String uploadId) {
}
