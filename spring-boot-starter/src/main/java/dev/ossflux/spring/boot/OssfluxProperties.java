package dev.ossflux.spring.boot;

import dev.ossflux.core.SignatureVersion;
import dev.ossflux.multipart.MultipartOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code ossflux.*} properties. An unset value keeps the ossflux default; a value out of range fails
 * startup with a message naming the property. {@link #toString()} never shows a secret.
 *
 * @param endpoint the OSS endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com; required unless the emulator is
 *     enabled
 * @param region the region requests are signed for (default: read from a standard endpoint name)
 * @param pathStyle whether the bucket goes in the path instead of the host name (default: only for IP-address
 *     and localhost endpoints)
 * @param signatureVersion how requests are signed, V4 (default) or V1
 * @param credentials the AccessKey pair, used unless the application has a CredentialsProvider bean (e.g.
 *     STS); with neither, the OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET and OSS_SESSION_TOKEN environment
 *     variables
 * @param pool the connection pool
 * @param timeouts how long connecting, a response and a whole call may take
 * @param multipart multipart uploads
 * @param batch directory uploads
 * @param callback the verification of OSS upload callbacks
 * @param emulator the embedded OSS emulator
 * @param metrics Micrometer meters
 */
@ConfigurationProperties("ossflux")
public record OssfluxProperties(
        @Nullable String endpoint,
        @Nullable String region,
        @Nullable Boolean pathStyle,
        @DefaultValue("V4") SignatureVersion signatureVersion,
        @DefaultValue Credentials credentials,
        @DefaultValue Pool pool,
        @DefaultValue Timeouts timeouts,
        @DefaultValue Multipart multipart,
        @DefaultValue Batch batch,
        @DefaultValue Callback callback,
        @DefaultValue Emulator emulator,
        @DefaultValue Metrics metrics) {

    /**
     * A long-term AccessKey pair, or temporary STS credentials with their token.
     *
     * @param accessKeyId the AccessKey id
     * @param accessKeySecret the AccessKey secret; never logged
     * @param securityToken the STS session token of temporary credentials; never logged
     */
    public record Credentials(
            @Nullable String accessKeyId, @Nullable String accessKeySecret, @Nullable String securityToken) {

        public Credentials {
            if (isSet(accessKeyId) != isSet(accessKeySecret)) {
                throw new IllegalArgumentException("ossflux.credentials.access-key-id and"
                        + " ossflux.credentials.access-key-secret must be set together, or neither");
            }
            if (isSet(securityToken) && !isSet(accessKeyId)) {
                throw new IllegalArgumentException("ossflux.credentials.security-token needs"
                        + " ossflux.credentials.access-key-id and ossflux.credentials.access-key-secret");
            }
        }

        /** Whether an AccessKey pair is configured. */
        boolean configured() {
            return isSet(accessKeyId);
        }

        @Override
        public String toString() {
            return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=" + redacted(accessKeySecret)
                    + ", securityToken=" + redacted(securityToken) + "]";
        }
    }

    /**
     * The connection pool.
     *
     * @param maxConnections the most connections open at once (default 256)
     * @param pendingAcquireMaxCount how many requests may wait for a connection (default 16 per connection)
     * @param pendingAcquireTimeout how long a request may wait for a connection (default 30s)
     * @param maxRequestsInFlight the most upload requests in flight at once (default: no cap beyond the pool)
     */
    public record Pool(@Nullable Integer maxConnections, @Nullable Integer pendingAcquireMaxCount,
            @Nullable Duration pendingAcquireTimeout, @Nullable Integer maxRequestsInFlight) {

        public Pool {
            positive(maxConnections, "pool.max-connections");
            positive(pendingAcquireMaxCount, "pool.pending-acquire-max-count");
            positive(pendingAcquireTimeout, "pool.pending-acquire-timeout");
            positive(maxRequestsInFlight, "pool.max-requests-in-flight");
        }
    }

    /**
     * Timeouts.
     *
     * @param connect how long opening a connection may take (default 10s)
     * @param response how long OSS may stay silent once a request is sent (default 60s)
     * @param call a limit on each call as a whole, retries included (default none)
     */
    public record Timeouts(@Nullable Duration connect, @Nullable Duration response, @Nullable Duration call) {

        public Timeouts {
            positive(connect, "timeouts.connect");
            positive(response, "timeouts.response");
            positive(call, "timeouts.call");
        }
    }

    /**
     * Multipart uploads.
     *
     * @param partSize the size of each part (default 8MB; 100KB to 5GB)
     * @param concurrency parts uploaded at once per file (default 4; at most 1000)
     * @param threshold files at least this long go in parts, shorter ones in one PutObject (default 16MB)
     * @param checkpointDir where resumable uploads keep their checkpoints (default: none, uploads are not
     *     resumable)
     * @param byteBudget caps the request-body bytes all uploads of the client hold at once (default: no cap)
     */
    public record Multipart(@Nullable DataSize partSize, @Nullable Integer concurrency, @Nullable DataSize threshold,
            @Nullable Path checkpointDir, @Nullable DataSize byteBudget) {

        public Multipart {
            if (partSize != null && (partSize.toBytes() < MultipartOptions.MIN_PART_SIZE
                    || partSize.toBytes() > MultipartOptions.MAX_PART_SIZE)) {
                throw new IllegalArgumentException("ossflux.multipart.part-size must be 100KB to 5GB, got "
                        + partSize);
            }
            if (concurrency != null && (concurrency < 1 || concurrency > 1000)) {
                throw new IllegalArgumentException("ossflux.multipart.concurrency must be 1 to 1000, got "
                        + concurrency);
            }
            positive(threshold, "multipart.threshold");
            positive(byteBudget, "multipart.byte-budget");
        }
    }

    /**
     * Directory uploads.
     *
     * @param concurrency files uploaded at once (default 16)
     * @param checkpointDir where a batch keeps its checkpoint (default: none)
     * @param followSymbolicLinks whether links in the directory are followed (default false)
     */
    public record Batch(@Nullable Integer concurrency, @Nullable Path checkpointDir,
            @DefaultValue("false") boolean followSymbolicLinks) {

        public Batch {
            positive(concurrency, "batch.concurrency");
        }
    }

    /**
     * The verification of OSS upload callbacks.
     *
     * @param trustedKeyUrls URL prefixes the callback's public key may be fetched from (default: the documented
     *     OSS key URL only)
     * @param bindingSecret the secret uploads bind their callbacks with and the verifier checks (at least 32
     *     bytes, the same on every instance; default: callbacks are not bound); never logged
     * @param keyFetchTimeout how long fetching a public key may take (default 5s)
     */
    public record Callback(@DefaultValue List<String> trustedKeyUrls, @Nullable String bindingSecret,
            @Nullable Duration keyFetchTimeout) {

        public Callback {
            if (bindingSecret != null && !bindingSecret.isEmpty() && bindingSecret.length() < 32) {
                throw new IllegalArgumentException("ossflux.callback.binding-secret must have at least 32"
                        + " characters");
            }
            positive(keyFetchTimeout, "callback.key-fetch-timeout");
        }

        @Override
        public String toString() {
            return "Callback[trustedKeyUrls=" + trustedKeyUrls + ", bindingSecret=" + redacted(bindingSecret)
                    + ", keyFetchTimeout=" + keyFetchTimeout + "]";
        }
    }

    /**
     * The embedded OSS emulator of {@code ossflux-testkit}, for tests and local runs.
     *
     * @param enabled whether to start the emulator and point every ossflux bean at it (default false)
     * @param buckets the buckets the emulator starts with
     * @param corsOrigins the origins whose pages may send requests to the emulator (its CORS rule, e.g. a page
     *     uploading straight from the browser); {@code *} allows any, empty (the default) none
     */
    public record Emulator(@DefaultValue("false") boolean enabled, @DefaultValue List<String> buckets,
            @DefaultValue List<String> corsOrigins) {
    }

    /**
     * Micrometer meters, published when a {@code MeterRegistry} bean exists.
     *
     * @param enabled whether the client publishes its meters (default true)
     * @param reactorNetty whether Reactor Netty also records its pool and HTTP client meters in Micrometer's
     *     global registry (default false)
     */
    public record Metrics(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean reactorNetty) {
    }

    static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String redacted(@Nullable String secret) {
        return isSet(secret) ? "<redacted>" : "<unset>";
    }

    private static void positive(@Nullable Number value, String name) {
        if (value != null && value.longValue() < 1) {
            throw new IllegalArgumentException("ossflux." + name + " must be positive, got " + value);
        }
    }

    private static void positive(@Nullable Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("ossflux." + name + " must be positive, got " + value);
        }
    }

    private static void positive(@Nullable DataSize value, String name) {
        if (value != null && value.toBytes() < 1) {
            throw new IllegalArgumentException("ossflux." + name + " must be positive, got " + value);
        }
    }
}
