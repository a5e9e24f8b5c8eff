package dev.ossflux.multipart.internal;

import dev.ossflux.core.UploadedPart;
import java.util.List;
import java.util.Objects;

/**
 * The saved progress of a resumable file upload: which multipart upload it is, which file
 * version it reads, and the parts OSS has confirmed. Holds no credentials.
 *
 * @param uploadId the multipart upload; empty while an InitiateMultipartUpload is on its way, so that a
 *     crash before its answer was saved leaves a record that the upload may exist
 * @param fileLastModifiedMillis the file's modification time when the upload started
 */
record Checkpoint(
        int version, String bucket, String key, String uploadId, String file, long fileSize,
        long fileLastModifiedMillis, long partSize, List<UploadedPart> parts) {

    static final int CURRENT_VERSION = 1;

    Checkpoint {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(file, "file");
        parts = List.copyOf(parts);
    }

    /** The record written before InitiateMultipartUpload is sent: no upload id yet, no parts. */
    static Checkpoint initiating(String bucket, String key, String file, long fileSize, long fileLastModifiedMillis,
            long partSize) {
        return new Checkpoint(CURRENT_VERSION, bucket, key, "", file, fileSize, fileLastModifiedMillis, partSize,
                List.of());
    }

    /** Whether this records only that an upload was being initiated, with no answer saved. */
    boolean initiating() {
        return uploadId.isEmpty();
    }

    /** This record once OSS answered the initiation with {@code uploadId}. */
    Checkpoint naming(String uploadId) {
        return new Checkpoint(version, bucket, key, uploadId, file, fileSize, fileLastModifiedMillis, partSize, parts);
    }

    /** This checkpoint with {@code part} recorded (replacing an earlier record of the same number). */
    Checkpoint with(UploadedPart part) {
        List<UploadedPart> updated = new java.util.ArrayList<>(parts.size() + 1);
        parts.stream().filter(p -> p.partNumber() != part.partNumber()).forEach(updated::add);
        updated.add(part);
        return new Checkpoint(version, bucket, key, uploadId, file, fileSize, fileLastModifiedMillis, partSize,
                updated);
    }
}
