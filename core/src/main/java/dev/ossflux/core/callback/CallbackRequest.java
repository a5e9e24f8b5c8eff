package dev.ossflux.core.callback;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The raw parts of a callback request as it reached the application server, for
 * {@link CallbackVerifier#verify(CallbackRequest)}.
 *
 * <pre>{@code
 * URI uri = request.getURI();   // Spring WebFlux ServerHttpRequest
 * CallbackRequest callback = CallbackRequest.builder(uri.getRawPath())
 *         .query(uri.getRawQuery())
 *         .authorization(request.getHeaders().getFirst(CallbackRequest.AUTHORIZATION))
 *         .publicKeyUrl(request.getHeaders().getFirst(CallbackRequest.PUBLIC_KEY_URL))
 *         .contentType(request.getHeaders().getFirst("Content-Type"))
 *         .body(bytes)
 *         .build();
 * }</pre>
 *
 * <p>Path and query must be exactly as sent, still percent-encoded: the signature covers them.
 * Header values may be missing; {@code verify} then fails with the matching reason. The query
 * (which may carry a token) and the signature stay out of {@code toString}.
 */
public final class CallbackRequest {

    /** The header carrying the base64 RSA signature. */
    public static final String AUTHORIZATION = "Authorization";
    /** The header carrying the base64 URL of the public key. */
    public static final String PUBLIC_KEY_URL = "x-oss-pub-key-url";

    private final String path;
    private final Optional<String> query;
    private final Optional<String> authorization;
    private final Optional<String> publicKeyUrl;
    private final Optional<String> contentType;
    private final byte[] body;

    private CallbackRequest(Builder builder) {
        this.path = builder.path;
        this.query = Optional.ofNullable(builder.query).filter(q -> !q.isEmpty());
        this.authorization = Optional.ofNullable(builder.authorization);
        this.publicKeyUrl = Optional.ofNullable(builder.publicKeyUrl);
        this.contentType = Optional.ofNullable(builder.contentType);
        this.body = builder.body;
    }

    /**
     * Starts a request to {@code rawPath}, the path as sent (e.g. {@code /oss/cb}), without the query.
     *
     * @throws IllegalArgumentException when the path holds a {@code ?}: pass the query with {@link Builder#query}
     */
    public static Builder builder(String rawPath) {
        return new Builder(rawPath);
    }

    /** The request path as sent, percent-encoded. */
    public String path() {
        return path;
    }

    /** The query as sent, without the {@code ?}; empty when there is none or it is empty. */
    public Optional<String> query() {
        return query;
    }

    /** The {@code Authorization} header value. */
    public Optional<String> authorization() {
        return authorization;
    }

    /** The {@code x-oss-pub-key-url} header value (base64). */
    public Optional<String> publicKeyUrl() {
        return publicKeyUrl;
    }

    /** The {@code Content-Type} header value. */
    public Optional<String> contentType() {
        return contentType;
    }

    /** The body as received (a copy). */
    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public String toString() {
        return "CallbackRequest[" + path + query.map(q -> "?<redacted>").orElse("") + ", " + body.length + " bytes"
                + contentType.map(type -> ", " + type).orElse("") + "]";
    }

    /** Collects the parts of a callback request. */
    public static final class Builder {

        private final String path;
        private @Nullable String query;
        private @Nullable String authorization;
        private @Nullable String publicKeyUrl;
        private @Nullable String contentType;
        private byte[] body = new byte[0];

        private Builder(String path) {
            Objects.requireNonNull(path, "rawPath");
            if (path.indexOf('?') >= 0) {
                throw new IllegalArgumentException("rawPath: must not hold the query, pass it with query(..)");
            }
            this.path = path;
        }

        /** The query as sent, without the {@code ?}; {@code null} or empty when there is none. */
        public Builder query(@Nullable String rawQuery) {
            this.query = rawQuery;
            return this;
        }

        /** The {@code Authorization} header value, or {@code null} when the header is missing. */
        public Builder authorization(@Nullable String authorization) {
            this.authorization = authorization;
            return this;
        }

        /** The {@code x-oss-pub-key-url} header value, or {@code null} when the header is missing. */
        public Builder publicKeyUrl(@Nullable String publicKeyUrl) {
            this.publicKeyUrl = publicKeyUrl;
            return this;
        }

        /** The {@code Content-Type} header value, or {@code null} when the header is missing. */
        public Builder contentType(@Nullable String contentType) {
            this.contentType = contentType;
            return this;
        }

        /** The body exactly as received (copied). */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        public CallbackRequest build() {
            return new CallbackRequest(this);
        }
    }
}
