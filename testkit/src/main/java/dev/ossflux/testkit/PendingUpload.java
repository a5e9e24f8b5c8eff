package dev.ossflux.testkit;

import java.time.Instant;
import java.util.List;

/** A multipart upload that was initiated and neither completed nor aborted, with its parts in order. */
public record PendingUpload(String bucket, String key, String uploadId, Instant initiated, List<Part> parts) {

    public PendingUpload {
        parts = List.copyOf(parts);
    }

    /** One uploaded part; {@code etag} without quotes. */
    public record Part(int partNumber, long size, String etag, long crc64, Instant lastModified) {
    }
}
