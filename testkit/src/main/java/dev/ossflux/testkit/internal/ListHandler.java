package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.xml.ListMultipartUploadsResult;
import dev.ossflux.core.internal.xml.ListPartsResult;
import dev.ossflux.testkit.internal.Entries.PartEntry;
import dev.ossflux.testkit.internal.Entries.UploadEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** ListParts and ListMultipartUploads. */
final class ListHandler {

    private static final int MAX = 1000;

    private final Storage storage;

    ListHandler(Storage storage) {
        this.storage = storage;
    }

    Mono<Void> listParts(Exchange ex) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        UploadEntry upload = storage.requireUpload(bucket, ex.target.requireKey(),
                String.valueOf(ex.target.param("uploadId")));
        int maxParts = number(ex.target.param("max-parts"), "max-parts", MAX);
        int marker = number(ex.target.param("part-number-marker"), "part-number-marker", 0);
        List<ListPartsResult.Part> listed = new ArrayList<>();
        boolean truncated = false;
        for (PartEntry part : upload.parts().tailMap(marker, false).values()) {
            if (listed.size() == maxParts) {
                truncated = true;
                break;
            }
            listed.add(new ListPartsResult.Part(part.meta().partNumber(),
                    Dates.iso(Instant.ofEpochMilli(part.meta().lastModifiedMillis())),
                    ObjectHandler.quote(part.meta().etag()), part.meta().crc64(), part.meta().size()));
        }
        int next = listed.isEmpty() ? marker : listed.get(listed.size() - 1).partNumber();
        return Replies.xml(ex, 200, new ListPartsResult(bucket, upload.meta().key(), upload.meta().uploadId(),
                upload.meta().storageClass(), marker, next, maxParts, truncated, listed));
    }

    Mono<Void> listUploads(Exchange ex) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        int maxUploads = number(ex.target.param("max-uploads"), "max-uploads", MAX);
        String prefix = orEmpty(ex.target.param("prefix"));
        String keyMarker = orEmpty(ex.target.param("key-marker"));
        String uploadIdMarker = keyMarker.isEmpty() ? "" : orEmpty(ex.target.param("upload-id-marker"));
        List<ListMultipartUploadsResult.Upload> listed = new ArrayList<>();
        boolean truncated = false;
        for (UploadEntry upload : storage.uploads(bucket)) {
            String key = upload.meta().key();
            int vsMarker = key.compareTo(keyMarker);
            boolean after = keyMarker.isEmpty() || vsMarker > 0
                    || (vsMarker == 0 && !uploadIdMarker.isEmpty()
                            && upload.meta().uploadId().compareTo(uploadIdMarker) > 0);
            if (!key.startsWith(prefix) || !after) {
                continue;
            }
            if (listed.size() == maxUploads) {
                truncated = true;
                break;
            }
            listed.add(new ListMultipartUploadsResult.Upload(key, upload.meta().uploadId(),
                    upload.meta().storageClass(), Dates.iso(Instant.ofEpochMilli(upload.meta().initiatedMillis()))));
        }
        ListMultipartUploadsResult.Upload last = listed.isEmpty() ? null : listed.get(listed.size() - 1);
        return Replies.xml(ex, 200, new ListMultipartUploadsResult(bucket, keyMarker, uploadIdMarker,
                truncated && last != null ? last.key() : "", truncated && last != null ? last.uploadId() : "",
                orEmpty(ex.target.param("delimiter")), prefix, maxUploads, truncated, listed));
    }

    private static int number(@Nullable String value, String name, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0 && (fallback == 0 || (n >= 1 && n <= MAX))) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw OssError.invalidArgument("Argument " + name + " is invalid.").field("ArgumentName", name)
                .field("ArgumentValue", value);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
