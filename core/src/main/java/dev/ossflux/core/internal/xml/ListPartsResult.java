package dev.ossflux.core.internal.xml;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of ListParts. */
public record ListPartsResult(
        String bucket, String key, String uploadId, String storageClass, int partNumberMarker,
        int nextPartNumberMarker, int maxParts, boolean truncated, @Nullable List<Part> parts) {

    public ListPartsResult {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public record Part(int partNumber, String lastModified, String etag, @Nullable String crc64, long size) {
    }
}
