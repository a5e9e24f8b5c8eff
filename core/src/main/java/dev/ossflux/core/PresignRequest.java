package dev.ossflux.core;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.Names;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to sign into a URL that someone else sends later without credentials: a {@linkplain
 * #put(String, String) PUT} that uploads an object (with its content type, metadata and a callback,
 * which OSS reads from the URL's {@code callback} parameters) or a {@linkplain #get(String, String) GET}
 * that downloads one. Sign it with {@link OssClient#presign(PresignRequest)}.
 *
 * <pre>{@code
 * Mono<PresignedRequest> upload = client.presign(PresignRequest.put("examplebucket", "uploads/a.jpg")
 *         .expiresIn(Duration.ofMinutes(15))
 *         .contentType("image/jpeg")
 *         .callback(callback)
 *         .build());
 * }</pre>
 *
 * @param method {@code PUT} or {@code GET}
 * @param expiresIn how long the URL stays valid (V4: 1 second to 7 days)
 * @param contentType for a PUT, the content type the uploader must send (it is signed)
 * @param metadata for a PUT, user metadata the uploader must send as {@code x-oss-meta-*} headers
 */
public record PresignRequest(String method, String bucket, String key, Duration expiresIn,
        Optional<String> contentType, Map<String, String> metadata, Optional<Callback> callback) {

    /** The longest a V4 presigned URL may live: 7 days. */
    public static final Duration MAX_V4_LIFETIME = Duration.ofDays(7);

    public PresignRequest {
        if (!"PUT".equals(method) && !"GET".equals(method)) {
            throw new IllegalArgumentException("method: must be PUT or GET, got " + method);
        }
        Names.requireBucket(bucket);
        Names.requireKey(key);
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("expiresIn: must be positive, got " + expiresIn);
        }
        Objects.requireNonNull(contentType, "contentType");
        contentType.ifPresent(type -> PutObjectRequest.requireHeaderValue("contentType", type));
        metadata = PutObjectRequest.validMetadata(metadata);
        Objects.requireNonNull(callback, "callback");
        if (method.equals("GET") && (contentType.isPresent() || !metadata.isEmpty() || callback.isPresent())) {
            throw new IllegalArgumentException("contentType, metadata and callback: apply to a PUT only");
        }
    }

    /** Starts a presigned upload of {@code bucket}/{@code key}; valid for 15 minutes unless set. */
    public static Builder put(String bucket, String key) {
        return new Builder("PUT", bucket, key);
    }

    /** Starts a presigned download of {@code bucket}/{@code key}; valid for 15 minutes unless set. */
    public static Builder get(String bucket, String key) {
        return new Builder("GET", bucket, key);
    }

    /** Collects a {@link PresignRequest}. */
    public static final class Builder {
        private final String method;
        private final String bucket;
        private final String key;
        private Duration expiresIn = Duration.ofMinutes(15);
        private String contentType;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private Callback callback;

        private Builder(String method, String bucket, String key) {
            this.method = method;
            this.bucket = bucket;
            this.key = key;
        }

        public Builder expiresIn(Duration lifetime) {
            this.expiresIn = Objects.requireNonNull(lifetime, "expiresIn");
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = Objects.requireNonNull(contentType, "contentType");
            return this;
        }

        public Builder metadata(String name, String value) {
            metadata.put(Objects.requireNonNull(name, "metadata name"), Objects.requireNonNull(value, "metadata value"));
            return this;
        }

        /** Has OSS call the application back once the object is stored. */
        public Builder callback(Callback callback) {
            this.callback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        public PresignRequest build() {
            return new PresignRequest(method, bucket, key, expiresIn, Optional.ofNullable(contentType), metadata,
                    Optional.ofNullable(callback));
        }
    }
}
