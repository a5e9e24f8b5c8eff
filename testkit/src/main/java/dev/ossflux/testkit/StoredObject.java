package dev.ossflux.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** An object as the emulator stores it, from {@link OssEmulator#object(String, String)}; a snapshot. */
public final class StoredObject {

    private final String bucket;
    private final String key;
    private final long size;
    private final String etag;
    private final long crc64;
    private final Optional<String> contentMd5;
    private final String contentType;
    private final Map<String, String> userMetadata;
    private final String objectType;
    private final Instant lastModified;
    private final byte @Nullable [] bytes;

    /** For the emulator's internals; tests get instances from {@link OssEmulator#object(String, String)}. */
    public StoredObject(String bucket, String key, long size, String etag, long crc64, Optional<String> contentMd5,
            String contentType, Map<String, String> userMetadata, String objectType, Instant lastModified,
            byte @Nullable [] bytes) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.key = Objects.requireNonNull(key, "key");
        this.size = size;
        this.etag = Objects.requireNonNull(etag, "etag");
        this.crc64 = crc64;
        this.contentMd5 = Objects.requireNonNull(contentMd5, "contentMd5");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.userMetadata = Map.copyOf(userMetadata);
        this.objectType = Objects.requireNonNull(objectType, "objectType");
        this.lastModified = Objects.requireNonNull(lastModified, "lastModified");
        this.bytes = bytes;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }

    public long size() {
        return size;
    }

    /** The ETag without quotes. */
    public String etag() {
        return etag;
    }

    public long crc64() {
        return crc64;
    }

    /** The CRC-64 as {@code x-oss-hash-crc64ecma} writes it (unsigned decimal). */
    public String crc64Text() {
        return Long.toUnsignedString(crc64);
    }

    /** Base64 of the content MD5, for objects stored by PutObject. */
    public Optional<String> contentMd5() {
        return contentMd5;
    }

    public String contentType() {
        return contentType;
    }

    /** The {@code x-oss-meta-*} entries, names lower case without the prefix. */
    public Map<String, String> userMetadata() {
        return userMetadata;
    }

    /** {@code Normal} or {@code Multipart}. */
    public String objectType() {
        return objectType;
    }

    public Instant lastModified() {
        return lastModified;
    }

    /**
     * A copy of the content.
     *
     * @throws IllegalStateException when the emulator runs in sink mode and kept no bytes
     */
    public byte[] bytes() {
        if (bytes == null) {
            throw new IllegalStateException("the emulator runs in sink mode: " + key + " was hashed and discarded");
        }
        return bytes.clone();
    }

    /** The content decoded as UTF-8. */
    public String utf8() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "StoredObject[" + bucket + "/" + key + ", size=" + size + ", etag=" + etag + ", crc64=" + crc64Text()
                + ", type=" + objectType + "]";
    }
}
