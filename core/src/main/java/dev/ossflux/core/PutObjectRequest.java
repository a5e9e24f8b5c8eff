package dev.ossflux.core;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.Names;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The object to create: where it goes, its attributes, and an optional upload callback. Used by
 * {@link OssClient#putObject} and as the target of multipart uploads.
 *
 * <pre>{@code
 * PutObjectRequest request = PutObjectRequest.builder("examplebucket", "photos/cat.png")
 *         .metadata("owner", "alice")
 *         .callback(callback)
 *         .build();
 * }</pre>
 *
 * <p>Invalid names, metadata or values are rejected by {@link Builder#build()} with an
 * {@link IllegalArgumentException} that names the field.
 *
 * @param contentType the MIME type; when empty, guessed from the key's extension
 * @param metadata user metadata sent as {@code x-oss-meta-<name>}; names are lower case
 * @param contentMd5 whether to send {@code Content-MD5}, so OSS rejects a body altered in transit
 *     (costs one MD5 pass over the data; CRC-64 is always checked)
 * @param forbidOverwrite whether an existing object with this key makes the upload fail with 409
 *     {@code FileAlreadyExists}
 */
public record PutObjectRequest(
        String bucket, String key, Optional<String> contentType, Map<String, String> metadata, boolean contentMd5,
        Optional<StorageClass> storageClass, Optional<ObjectAcl> acl, boolean forbidOverwrite,
        Optional<Callback> callback, Optional<ProgressListener> progressListener) {

    /** OSS limits the user metadata of an object to 8 KB. */
    public static final int MAX_METADATA_BYTES = 8 * 1024;

    public PutObjectRequest {
        Names.requireBucket(bucket);
        Names.requireKey(key);
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(storageClass, "storageClass");
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(progressListener, "progressListener");
        contentType.ifPresent(type -> requireHeaderValue("contentType", type));
        metadata = validMetadata(metadata);
    }

    /** A request for {@code bucket}/{@code key} with every option at its default. */
    public static PutObjectRequest of(String bucket, String key) {
        return builder(bucket, key).build();
    }

    public static Builder builder(String bucket, String key) {
        return new Builder(bucket, key);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(bucket, key);
        builder.contentType = contentType.orElse(null);
        builder.metadata.putAll(metadata);
        builder.contentMd5 = contentMd5;
        builder.storageClass = storageClass.orElse(null);
        builder.acl = acl.orElse(null);
        builder.forbidOverwrite = forbidOverwrite;
        builder.callback = callback.orElse(null);
        builder.progressListener = progressListener.orElse(null);
        return builder;
    }

    static Map<String, String> validMetadata(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Map<String, String> copy = new LinkedHashMap<>();
        int bytes = 0;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "metadata name").toLowerCase(Locale.ROOT);
            String value = Objects.requireNonNull(entry.getValue(), "metadata value of " + name);
            if (name.isEmpty()
                    || !name.chars().allMatch(c -> c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                throw new IllegalArgumentException("metadata: '" + name + "' is not a valid header name");
            }
            requireHeaderValue("metadata " + name, value);
            bytes += name.length() + value.getBytes(StandardCharsets.UTF_8).length;
            copy.put(name, value);
        }
        if (bytes > MAX_METADATA_BYTES) {
            throw new IllegalArgumentException("metadata: " + bytes + " bytes, more than the " + MAX_METADATA_BYTES
                    + " OSS allows");
        }
        return Map.copyOf(copy);
    }

    static void requireHeaderValue(String field, String value) {
        if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7F))) {
            throw new IllegalArgumentException(field + ": only printable ASCII can travel in an HTTP header"
                    + " (percent-encode other text)");
        }
    }

    /** Collects the options of a {@link PutObjectRequest}. */
    public static final class Builder {
        private final String bucket;
        private final String key;
        private String contentType;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private boolean contentMd5;
        private StorageClass storageClass;
        private ObjectAcl acl;
        private boolean forbidOverwrite;
        private Callback callback;
        private ProgressListener progressListener;

        private Builder(String bucket, String key) {
            this.bucket = bucket;
            this.key = key;
        }

        public Builder contentType(String contentType) {
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        /** Adds one user metadata entry ({@code x-oss-meta-<name>}). */
        public Builder metadata(String name, String value) {
            metadata.put(Objects.requireNonNull(name, "metadata name"),
                    Objects.requireNonNull(value, "metadata value"));
            return this;
        }

        public Builder contentMd5(boolean contentMd5) {
            this.contentMd5 = contentMd5;
            return this;
        }

        public Builder storageClass(StorageClass storageClass) {
            this.storageClass = Objects.requireNonNull(storageClass, "storageClass");
            return this;
        }

        public Builder acl(ObjectAcl acl) {
            this.acl = Objects.requireNonNull(acl, "acl");
            return this;
        }

        public Builder forbidOverwrite(boolean forbidOverwrite) {
            this.forbidOverwrite = forbidOverwrite;
            return this;
        }

        /** The callback OSS calls once the object is stored (on the completing request of multipart uploads). */
        public Builder callback(Callback callback) {
            this.callback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /** Receives progress snapshots; see {@link ProgressListener} for the threading rules. */
        public Builder progressListener(ProgressListener progressListener) {
            this.progressListener = Objects.requireNonNull(progressListener, "progressListener");
            return this;
        }

        public PutObjectRequest build() {
            return new PutObjectRequest(bucket, key, Optional.ofNullable(contentType), metadata, contentMd5,
                    Optional.ofNullable(storageClass), Optional.ofNullable(acl), forbidOverwrite,
                    Optional.ofNullable(callback), Optional.ofNullable(progressListener));
        }
    }
}
