package dev.ossflux.core;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a browser or a phone may upload straight to OSS with an HTML form (PostObject), so that the
 * bytes never pass through the application: the bucket, the key or a key prefix, how long the form is
 * valid, and the conditions OSS enforces (size range, content type, ...). The application signs it
 * with {@link OssClient#signPostPolicy(PostPolicy)} and hands the resulting {@link PostForm} to the
 * front end; OSS then stores the file and, with a {@link Callback}, calls the application back.
 *
 * <pre>{@code
 * PostPolicy policy = PostPolicy.builder("examplebucket")
 *         .key("uploads/" + UUID.randomUUID() + "/photo.jpg")
 *         .expiresIn(Duration.ofMinutes(10))
 *         .contentLengthRange(1, 20 << 20)
 *         .contentTypePrefix("image/")
 *         .callback(Callback.builder("https://app.example.com/oss/callback", "object=${object}").build())
 *         .build();
 * Mono<PostForm> form = client.signPostPolicy(policy);
 * }</pre>
 *
 * <p>{@link Builder#build()} rejects what OSS would refuse or what would open the bucket too wide,
 * with an {@link IllegalArgumentException} naming the field.
 */
public final class PostPolicy {

    /** The largest object a form can upload: 5 GiB. */
    public static final long MAX_SIZE = 5L * 1024 * 1024 * 1024;

    /** Form fields a policy may pin besides those with their own builder method. */
    static final Set<String> EXTRA_FIELDS = Set.of("cache-control", "content-disposition", "content-encoding",
            "expires", "x-oss-object-acl", "x-oss-storage-class", "x-oss-forbid-overwrite",
            "x-oss-server-side-encryption");

    private final String bucket;
    private final String key;
    private final boolean keyPrefix;
    private final Optional<Duration> expiresIn;
    private final Optional<Instant> expiresAt;
    private final long minSize;
    private final long maxSize;
    private final Optional<String> contentType;
    private final boolean contentTypePrefix;
    private final OptionalInt successActionStatus;
    private final Map<String, String> metadata;
    private final Map<String, String> fields;
    private final Optional<Callback> callback;

    private PostPolicy(Builder builder) {
        this.bucket = Names.requireBucket(builder.bucket);
        if (builder.key == null) {
            throw new IllegalArgumentException("key: set the key, or a key prefix, the form may upload to");
        }
        this.key = builder.key;
        this.keyPrefix = builder.keyPrefix;
        if (keyPrefix) {
            if (!key.isEmpty()) {
                Names.requireKey(key);
            } else if (builder.callback != null) {
                throw new IllegalArgumentException("keyPrefix: an empty prefix lets the form write any key of the "
                        + "bucket and have OSS call the application back for it; give a prefix or an exact key");
            }
        } else {
            Names.requireKey(key);
        }
        if (builder.expiresIn == null && builder.expiresAt == null) {
            throw new IllegalArgumentException("expiresIn: set how long the form stays valid");
        }
        this.expiresIn = Optional.ofNullable(builder.expiresIn);
        this.expiresAt = Optional.ofNullable(builder.expiresAt);
        this.minSize = builder.minSize;
        this.maxSize = builder.maxSize;
        this.contentType = Optional.ofNullable(builder.contentType);
        this.contentTypePrefix = builder.contentTypePrefix;
        this.successActionStatus = builder.successActionStatus;
        this.metadata = PutObjectRequest.validMetadata(builder.metadata);
        this.fields = Map.copyOf(builder.fields);
        this.callback = Optional.ofNullable(builder.callback);
    }

    /** Starts a policy for uploads to {@code bucket}; a key (or prefix) and an expiry are required. */
    public static Builder builder(String bucket) {
        return new Builder(bucket);
    }

    public String bucket() {
        return bucket;
    }

    /** The exact key, or the prefix every key must start with when {@link #keyPrefix()} is true. */
    public String key() {
        return key;
    }

    public boolean keyPrefix() {
        return keyPrefix;
    }

    /** The policy's expiry: {@code now} plus the lifetime, or the instant given. */
    public Instant expiration(Instant now) {
        return expiresAt.orElseGet(() -> now.plus(expiresIn.orElseThrow()));
    }

    public long minSize() {
        return minSize;
    }

    public long maxSize() {
        return maxSize;
    }

    /** The content type, exact or (when {@link #contentTypePrefix()}) a prefix such as {@code image/}. */
    public Optional<String> contentType() {
        return contentType;
    }

    public boolean contentTypePrefix() {
        return contentTypePrefix;
    }

    public OptionalInt successActionStatus() {
        return successActionStatus;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** Further form fields the policy pins, by lower-case name (e.g. {@code cache-control}). */
    public Map<String, String> fields() {
        return fields;
    }

    public Optional<Callback> callback() {
        return callback;
    }

    @Override
    public String toString() {
        return "PostPolicy[" + bucket + "/" + key + (keyPrefix ? "*" : "") + ", size " + minSize + ".." + maxSize
                + contentType.map(type -> ", type " + type + (contentTypePrefix ? "*" : "")).orElse("")
                + callback.map(cb -> ", callback " + cb.urls()).orElse("") + "]";
    }

    /** Collects a {@link PostPolicy}. */
    public static final class Builder {
        private final String bucket;
        private String key;
        private boolean keyPrefix;
        private Duration expiresIn;
        private Instant expiresAt;
        private long minSize;
        private long maxSize = MAX_SIZE;
        private String contentType;
        private boolean contentTypePrefix;
        private OptionalInt successActionStatus = OptionalInt.empty();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private Callback callback;

        private Builder(String bucket) {
            this.bucket = bucket;
        }

        /** The exact key the form uploads to. */
        public Builder key(String key) {
            this.key = Objects.requireNonNull(key, "key");
            this.keyPrefix = false;
            return this;
        }

        /**
         * A prefix every uploaded key must start with; the form's {@code key} field defaults to the
         * prefix followed by OSS's {@code ${filename}}, and the front end may set any key under it.
         */
        public Builder keyPrefix(String prefix) {
            this.key = Objects.requireNonNull(prefix, "keyPrefix");
            this.keyPrefix = true;
            return this;
        }

        /** How long the form stays valid from when it is signed (V4 signatures: at most 7 days). */
        public Builder expiresIn(Duration lifetime) {
            Objects.requireNonNull(lifetime, "expiresIn");
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("expiresIn: must be positive, got " + lifetime);
            }
            this.expiresIn = lifetime;
            this.expiresAt = null;
            return this;
        }

        /** When the form stops being valid; an instant already past fails when the policy is signed. */
        public Builder expiresAt(Instant expiration) {
            this.expiresAt = Objects.requireNonNull(expiration, "expiresAt");
            this.expiresIn = null;
            return this;
        }

        /** The smallest and largest file the form accepts, in bytes (OSS answers EntityTooSmall/Large). */
        public Builder contentLengthRange(long min, long max) {
            if (min < 0 || max < min || max > MAX_SIZE) {
                throw new IllegalArgumentException("contentLengthRange: must satisfy 0 <= min <= max <= " + MAX_SIZE
                        + ", got " + min + ".." + max);
            }
            this.minSize = min;
            this.maxSize = max;
            return this;
        }

        /** The exact content type the file is stored with. */
        public Builder contentType(String type) {
            this.contentType = headerValue("contentType", type);
            this.contentTypePrefix = false;
            return this;
        }

        /** A prefix the file's content type must start with, e.g. {@code image/}. */
        public Builder contentTypePrefix(String prefix) {
            this.contentType = headerValue("contentTypePrefix", prefix);
            this.contentTypePrefix = true;
            return this;
        }

        /** The status OSS answers a successful form with when there is no callback: 200, 201 or 204 (default). */
        public Builder successActionStatus(int status) {
            if (status != 200 && status != 201 && status != 204) {
                throw new IllegalArgumentException("successActionStatus: must be 200, 201 or 204, got " + status);
            }
            this.successActionStatus = OptionalInt.of(status);
            return this;
        }

        /** User metadata stored with the object ({@code x-oss-meta-<name>}), pinned by the policy. */
        public Builder metadata(String name, String value) {
            metadata.put(Objects.requireNonNull(name, "metadata name"), Objects.requireNonNull(value, "metadata value"));
            return this;
        }

        /**
         * Pins another form field: {@code Cache-Control}, {@code Content-Disposition},
         * {@code Content-Encoding}, {@code Expires}, {@code x-oss-object-acl}, {@code x-oss-storage-class},
         * {@code x-oss-forbid-overwrite} or {@code x-oss-server-side-encryption}.
         */
        public Builder field(String name, String value) {
            String lower = Objects.requireNonNull(name, "field").toLowerCase(Locale.ROOT);
            if (!EXTRA_FIELDS.contains(lower)) {
                throw new IllegalArgumentException("field: '" + name + "' is not a form field a policy can pin; use "
                        + "the builder's own method or one of " + EXTRA_FIELDS);
            }
            fields.put(lower, headerValue(name, value));
            return this;
        }

        /** Has OSS call the application back once the file is stored; its variables become {@code x:} fields. */
        public Builder callback(Callback callback) {
            this.callback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        public PostPolicy build() {
            return new PostPolicy(this);
        }

        private static String headerValue(String field, String value) {
            Objects.requireNonNull(value, field);
            PutObjectRequest.requireHeaderValue(field, value);
            if (value.isEmpty()) {
                throw new IllegalArgumentException(field + ": must not be empty");
            }
            return value;
        }
    }
}
