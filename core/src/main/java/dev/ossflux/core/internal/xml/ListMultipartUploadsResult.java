package dev.ossflux.core.internal.xml;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of ListMultipartUploads. */
public record ListMultipartUploadsResult(
        String bucket, String keyMarker, String uploadIdMarker, String nextKeyMarker, String nextUploadIdMarker,
        String delimiter, String prefix, int maxUploads, boolean truncated, @Nullable List<Upload> uploads) {

    public ListMultipartUploadsResult {
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    public record Upload(String key, String uploadId, String storageClass, String initiated) {
    }
}
