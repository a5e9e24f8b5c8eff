package dev.ossflux.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What OSS reports about a stored object.
 *
 * @param contentLength bytes in this response (the range length for a ranged read)
 * @param etag the ETag without quotes
 * @param crc64 the whole object's CRC-64, when OSS sent one
 * @param objectType {@code Normal}, {@code Multipart} or {@code Appendable}
 * @param userMetadata the {@code x-oss-meta-*} entries, names lower case without the prefix
 */
public record ObjectMetadata(
        long contentLength, String contentType, String etag, OptionalLong crc64, Optional<Instant> lastModified,
        Optional<String> objectType, Optional<String> storageClass, Optional<String> versionId,
        Map<String, String> userMetadata, String requestId) {

    public ObjectMetadata {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(crc64, "crc64");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(storageClass, "storageClass");
        Objects.requireNonNull(versionId, "versionId");
        userMetadata = Map.copyOf(userMetadata);
        Objects.requireNonNull(requestId, "requestId");
    }
}
