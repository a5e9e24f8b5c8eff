package dev.ossflux.testkit.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/** The emulator's records of objects, multipart uploads and parts; the metadata parts are persisted as JSON. */
final class Entries {

    private Entries() {
    }

    /**
     * @param crc64 unsigned decimal
     * @param contentMd5 base64, for Normal objects only
     * @param attributes stored response headers such as {@code Cache-Control}, by lower-case name
     */
    record ObjectMeta(String bucket, String key, long size, String etag, String crc64, @Nullable String contentMd5,
            String contentType, Map<String, String> userMetadata, Map<String, String> attributes, String objectType,
            String storageClass, long lastModifiedMillis) {
    }

    record ObjectEntry(ObjectMeta meta, Content content) {
    }

    record UploadMeta(String bucket, String key, String uploadId, long initiatedMillis, String contentType,
            Map<String, String> userMetadata, Map<String, String> attributes, String storageClass) {
    }

    record PartMeta(int partNumber, long size, String etag, String crc64, long lastModifiedMillis) {
    }

    record PartEntry(PartMeta meta, Content content) {
    }

    /** An open multipart upload and its parts by number. */
    record UploadEntry(UploadMeta meta, ConcurrentSkipListMap<Integer, PartEntry> parts) {
        UploadEntry(UploadMeta meta) {
            this(meta, new ConcurrentSkipListMap<>());
        }
    }
}
