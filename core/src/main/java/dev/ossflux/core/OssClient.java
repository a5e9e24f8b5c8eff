package dev.ossflux.core;

import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.callback.Callback;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * A non-blocking client for Alibaba Cloud OSS.
 *
 * <pre>{@code
 * OssClient client = OssClient.builder()
 *         .endpoint("https://oss-cn-hangzhou.aliyuncs.com")
 *         .credentials(CredentialsProvider.fromEnvironment())
 *         .build();
 *
 * Callback callback = Callback.builder("https://app.example.com/oss/callback",
 *         "bucket=${bucket}&object=${object}").build();
 * Mono<UploadResult> upload = client.putObject(
 *         PutObjectRequest.builder("examplebucket", "exampledir/exampleobject.txt").callback(callback).build(),
 *         UploadBody.fromString("hello"));
 * }</pre>
 *
 * <p>Every method returns a lazy publisher: nothing is read or sent until it is subscribed, and
 * cancelling the subscription stops the transfer. Methods never throw; bad arguments and failures
 * arrive as error signals: {@link OssException} when OSS refuses a request,
 * {@link CallbackFailedException} when the object was stored but its callback failed,
 * {@link ChecksumMismatchException} when what OSS stored differs from what was sent,
 * {@link IllegalArgumentException} for invalid input, and Reactor Netty's I/O exceptions for
 * network failures that outlast the retries.
 *
 * <p>A client is immutable and thread-safe; create one per application and {@link #close()} it at
 * shutdown to release its connections.
 */
public interface OssClient extends AutoCloseable {

    static Builder builder() {
        return new Builder();
    }

    /**
     * Uploads {@code body} as one object with PutObject (up to 5 GiB).
     *
     * <p>Emits the stored object's result, whose CRC-64 has been checked against the bytes sent and
     * which carries the callback reply when {@code request} has a callback.
     */
    Mono<UploadResult> putObject(PutObjectRequest request, UploadBody body);

    /**
     * Reads an object, whole or a byte range. The emitted content streams from the connection;
     * a whole-object read fails at its end with {@link ChecksumMismatchException} when the bytes
     * received do not match the object's CRC-64.
     */
    Mono<ObjectContent> getObject(GetObjectRequest request);

    /** Reads an object's metadata; a missing object fails with {@link OssException} 404. */
    Mono<ObjectMetadata> headObject(String bucket, String key);

    /** Deletes an object; completes whether or not it existed. */
    Mono<Void> deleteObject(String bucket, String key);

    /** Opens a multipart upload for the object {@code request} describes (its callback is not sent here). */
    Mono<MultipartUpload> initiateMultipartUpload(PutObjectRequest request);

    /** Uploads one part; emits the part with its ETag and the CRC-64 OSS confirmed. */
    Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body);

    /** Uploads one part, reporting its bytes to {@code progress} as they go out. */
    Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body,
            ProgressListener progress);

    /**
     * Joins {@code parts} into the object; the object's CRC-64 must equal the parts' CRCs combined.
     */
    Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts);

    /** Joins {@code parts} into the object and has OSS call {@code callback}, whose reply the result carries. */
    Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts, Callback callback);

    /** Aborts a multipart upload, deleting its parts. */
    Mono<Void> abortMultipartUpload(MultipartUpload upload);

    /** The parts uploaded so far, in part-number order; the call timeout covers the whole listing. */
    Flux<UploadedPart> listParts(MultipartUpload upload);

    /** The multipart uploads open in {@code bucket} whose keys start with {@code prefix}. */
    Flux<MultipartUpload> listMultipartUploads(String bucket, String prefix);

    /**
     * Signs a PostObject form with which a browser or an app uploads straight to OSS within
     * {@code policy}; see {@link PostPolicy}. Emits the form, or fails with
     * {@link IllegalArgumentException} when the policy's expiry is not in the future (or, with V4
     * signatures, more than 7 days away). Nothing is sent to OSS.
     */
    Mono<PostForm> signPostPolicy(PostPolicy policy);

    /**
     * Signs {@code request} into a URL that can be used without credentials until it expires, e.g.
     * with {@code curl -T}. Nothing is sent to OSS.
     */
    Mono<PresignedRequest> presign(PresignRequest request);

    /** This client's transfer budget: its limits, what is in use, and room to reserve. */
    TransferBudget transferBudget();

    /** Releases the connection pool once it is idle. */
    Mono<Void> disposeLater();

    /** Releases the connection pool without waiting. */
    @Override
    void close();

    /** Configures an {@link OssClient}; only the endpoint is required. */
    final class Builder {

        private String endpoint;
        private String region;
        private Boolean pathStyle;
        private CredentialsProvider credentials = CredentialsProvider.fromEnvironment();
        private SignatureVersion signatureVersion = SignatureVersion.V4;
        private int maxConnections = 256;
        private Integer pendingAcquireMaxCount;
        private Duration pendingAcquireTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private Duration callTimeout;
        private RetryBackoffSpec retry = Retry.backoff(3, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                .jitter(0.5);
        private Function<HttpClient, HttpClient> httpClientCustomizer = Function.identity();
        private Clock clock = Clock.systemUTC();
        private long maxBytesInFlight = Long.MAX_VALUE;
        private int maxRequestsInFlight = Integer.MAX_VALUE;
        private Object meterRegistry;
        private boolean reactorNettyMetrics;

        private Builder() {
        }

        /**
         * The OSS endpoint, e.g. {@code https://oss-cn-hangzhou.aliyuncs.com} ({@code https} when no
         * scheme is given) or an emulator's {@code http://127.0.0.1:port}.
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** The region for V4 signing, e.g. {@code cn-hangzhou}; by default read from a standard endpoint name. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Whether the bucket goes in the path instead of the host name. By default path style is used
         * only for IP-address and {@code localhost} endpoints.
         */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /** Where credentials come from; by default the {@code OSS_*} environment variables. */
        public Builder credentials(CredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        public Builder signatureVersion(SignatureVersion signatureVersion) {
            this.signatureVersion = Objects.requireNonNull(signatureVersion, "signatureVersion");
            return this;
        }

        /** The most connections open at once (default 256). */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections: must be positive, got " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * How many requests may wait for a connection (default 16 × {@link #maxConnections}); a
         * request beyond that fails at once instead of queueing.
         */
        public Builder pendingAcquireMaxCount(int pendingAcquireMaxCount) {
            if (pendingAcquireMaxCount < 1) {
                throw new IllegalArgumentException("pendingAcquireMaxCount: must be positive");
            }
            this.pendingAcquireMaxCount = pendingAcquireMaxCount;
            return this;
        }

        /** How long a request may wait for a free connection before it fails (default 30 s). */
        public Builder pendingAcquireTimeout(Duration timeout) {
            this.pendingAcquireTimeout = positive(timeout, "pendingAcquireTimeout");
            return this;
        }

        /** How long opening a connection may take (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long OSS may stay silent once a request is sent, before the attempt fails and may be
         * retried (default 60 s; leave room for callbacks, which OSS allows 5 s).
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /** A limit on each call as a whole, retries included (default none). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        /**
         * How often and how long to wait between retries (default 3 retries, 200 ms doubling up to
         * 5 s, 50% jitter). The client decides which failures are retried: connection errors,
         * response timeouts, HTTP 5xx and 429 of requests whose body can be replayed; any filter on
         * the spec is replaced. {@code Retry.backoff(0, ...)} turns retries off.
         */
        public Builder retry(RetryBackoffSpec retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * Caps the request-body bytes all uploads of this client hold at once, PutObjects and parts
         * alike (default: no cap). Requests wait their turn in arrival order; a streaming multipart
         * upload waits for room before it reads the next part from its source, so a budget also
         * bounds the memory streams hold. A single request larger than the budget is sent alone.
         */
        public Builder maxBytesInFlight(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBytesInFlight: must be positive, got " + bytes);
            }
            this.maxBytesInFlight = bytes;
            return this;
        }

        /** Caps the upload requests in flight at once, in arrival order (default: no cap beyond the pool). */
        public Builder maxRequestsInFlight(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("maxRequestsInFlight: must be positive, got " + requests);
            }
            this.maxRequestsInFlight = requests;
            return this;
        }

        /**
         * Publishes the client's meters to {@code registry} (Micrometer must be on the class path):
         * {@code ossflux.requests} (timer by operation, outcome and status), {@code ossflux.bytes.sent},
         * {@code ossflux.retries}, {@code ossflux.callback.failures}, {@code ossflux.inflight.bytes} and
         * {@code ossflux.inflight.requests}; see the README for tags and units.
         */
        public Builder metrics(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Whether Reactor Netty also records its connection-pool and HTTP client meters (default false).
         * Reactor Netty publishes them to Micrometer's global registry, {@code Metrics.globalRegistry}.
         */
        public Builder reactorNettyMetrics(boolean enabled) {
            this.reactorNettyMetrics = enabled;
            return this;
        }

        /** Adjusts the Reactor Netty client after ossflux configured it (proxy, metrics, TLS, wiretap). */
        public Builder httpClientCustomizer(Function<HttpClient, HttpClient> customizer) {
            this.httpClientCustomizer = Objects.requireNonNull(customizer, "httpClientCustomizer");
            return this;
        }

        /** The clock requests are signed with (default UTC system clock); for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Creates the client.
         *
         * @throws IllegalStateException when no endpoint was given
         * @throws IllegalArgumentException when the endpoint is not an http(s) URL without a path
         */
        public OssClient build() {
            if (endpoint == null) {
                throw new IllegalStateException("endpoint: is required, e.g. https://oss-cn-hangzhou.aliyuncs.com");
            }
            return DefaultOssClient.create(new ClientSettings(endpoint, region, pathStyle, credentials,
                    signatureVersion, maxConnections,
                    pendingAcquireMaxCount != null ? pendingAcquireMaxCount : 16 * maxConnections,
                    pendingAcquireTimeout, connectTimeout, responseTimeout, Optional.ofNullable(callTimeout), retry,
                    httpClientCustomizer, clock, maxBytesInFlight, maxRequestsInFlight, meterRegistry,
                    reactorNettyMetrics));
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + ": must be positive, got " + duration);
            }
            return duration;
        }
    }
}
