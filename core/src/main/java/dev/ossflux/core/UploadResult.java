package dev.ossflux.core;

import dev.ossflux.core.callback.CallbackReply;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored object as OSS confirmed it.
 *
 * @param etag the ETag without quotes (the content MD5 in hex for simple uploads, an opaque
 *     {@code <hex>-<parts>} value for multipart uploads)
 * @param crc64 the CRC-64 OSS computed, already checked against the bytes sent; print it with
 *     {@link Long#toUnsignedString(long)}
 * @param size the object size in bytes
 * @param callbackReply the application server's answer when the upload carried a callback
 */
public record UploadResult(
        String bucket, String key, String etag, long crc64, long size, Optional<String> versionId,
        String requestId, Optional<CallbackReply> callbackReply) {

    public UploadResult {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(callbackReply, "callbackReply");
    }

    /** The CRC-64 in the unsigned decimal form of {@code x-oss-hash-crc64ecma}. */
    public String crc64Text() {
        return Long.toUnsignedString(crc64);
    }

    /** This result with the callback reply removed, e.g. for a {@link CallbackFailedException}. */
    public UploadResult withoutCallbackReply() {
        return new UploadResult(bucket, key, etag, crc64, size, versionId, requestId, Optional.empty());
    }
}
