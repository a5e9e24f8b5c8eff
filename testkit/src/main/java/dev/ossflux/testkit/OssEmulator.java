package dev.ossflux.testkit;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.internal.Names;
import dev.ossflux.testkit.internal.Account;
import dev.ossflux.testkit.internal.CallbackSigner;
import dev.ossflux.testkit.internal.EmulatorConfig;
import dev.ossflux.testkit.internal.EmulatorServer;
import dev.ossflux.testkit.internal.Limits;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * An OSS emulator on 127.0.0.1 that the official SDKs and ossflux talk to as to OSS: PutObject,
 * PostObject (browser form uploads with signed policies), GetObject, HeadObject, DeleteObject and the
 * multipart operations, V1 and V4 signatures and presigned URLs, upload callbacks signed with RSA, CORS
 * for browser pages, injectable faults and a request log.
 *
 * <pre>{@code
 * try (OssEmulator oss = OssEmulator.builder().bucket("examplebucket").start()) {
 *     OssClient client = oss.clientBuilder().build();
 *     client.putObject(PutObjectRequest.of("examplebucket", "a.txt"), UploadBody.fromString("hi")).block();
 *     assertThat(oss.object("examplebucket", "a.txt")).map(StoredObject::utf8).contains("hi");
 * }
 * }</pre>
 *
 * <p>Requests may address a bucket in the path ({@code /bucket/key}) or in the host name
 * ({@code Host: bucket.anything}). Unless configured otherwise the emulator accepts the access key
 * {@value #DEFAULT_ACCESS_KEY_ID} with secret {@value #DEFAULT_ACCESS_KEY_SECRET}, serves bucket
 * {@value #DEFAULT_BUCKET} in region {@value #DEFAULT_REGION}, and keeps objects in memory. An
 * emulator is thread-safe, cheap to start, and cannot be restarted after {@link #close()}.
 */
public final class OssEmulator implements AutoCloseable {

    public static final String DEFAULT_ACCESS_KEY_ID = "emulator-access-key";
    public static final String DEFAULT_ACCESS_KEY_SECRET = "emulator-secret";
    public static final String DEFAULT_BUCKET = "test-bucket";
    public static final String DEFAULT_REGION = "cn-hangzhou";

    private final EmulatorConfig config;
    private final EmulatorServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OssEmulator(EmulatorConfig config) {
        this.config = config;
        this.server = EmulatorServer.start(config);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An emulator with the defaults and the given buckets ({@value #DEFAULT_BUCKET} when none). */
    public static OssEmulator start(String... buckets) {
        Builder builder = builder();
        for (String bucket : buckets) {
            builder.bucket(bucket);
        }
        return builder.start();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    public String region() {
        return config.region();
    }

    public Set<String> buckets() {
        return config.buckets();
    }

    /** The first configured access key's credentials (with its STS token when it has one). */
    public Credentials credentials() {
        Account account = config.accountList().get(0);
        return account.securityToken() == null
                ? Credentials.of(account.accessKeyId(), account.accessKeySecret())
                : new Credentials(account.accessKeyId(), account.accessKeySecret(),
                        Optional.of(account.securityToken()), Optional.empty());
    }

    /** An {@link OssClient} builder pointed at this emulator, with its region and {@link #credentials()}. */
    public OssClient.Builder clientBuilder() {
        return OssClient.builder().endpoint(endpoint()).region(region())
                .credentials(CredentialsProvider.of(credentials()));
    }

    /** Where callback receivers fetch the key that callback signatures verify with (PEM). */
    public String callbackPublicKeyUrl() {
        return endpoint() + "/__ossflux/callback_pub_key.pem";
    }

    public PublicKey callbackPublicKey() {
        return server.signer().publicKey();
    }

    /** Injects {@code fault} for the next matching requests (or callbacks) of {@code operation}. */
    public void inject(Operation operation, Fault fault) {
        server.inject(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(fault, "fault"));
    }

    /** Injects {@code fault} for the next requests (or callbacks) of any operation. */
    public void inject(Fault fault) {
        server.inject(null, Objects.requireNonNull(fault, "fault"));
    }

    /** Drops the faults not used up yet. */
    public void clearFaults() {
        server.clearFaults();
    }

    /**
     * The oldest answered request not taken yet, waiting up to {@code timeout}; null when none arrives.
     * Requests are logged when their response is complete.
     */
    public @Nullable RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return server.takeRequest(timeout);
    }

    /** Every request answered so far, in completion order, whether taken or not. */
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    /** A snapshot of the stored object, bytes included (except in sink mode). */
    public Optional<StoredObject> object(String bucket, String key) {
        return server.inspector().object(bucket, key);
    }

    /**
     * How many callback requests this emulator has sent for uploads of {@code key} (PutObject, PostObject and
     * CompleteMultipartUpload): each URL tried counts once its request was sent; a callback failed with
     * {@link Fault#callbackStatus(int)} or delayed past the callback timeout sends none. More than one
     * for a single upload means the application was called back more than once. Counted in memory, since
     * this emulator started.
     */
    public int callbackCount(String bucket, String key) {
        return server.callbackCount(Objects.requireNonNull(bucket, "bucket"), Objects.requireNonNull(key, "key"));
    }

    /** The multipart uploads of {@code bucket} neither completed nor aborted, sorted by key and upload id. */
    public List<PendingUpload> pendingMultipartUploads(String bucket) {
        return server.inspector().pendingUploads(bucket);
    }

    /** Adds a bucket while running. */
    public void createBucket(String bucket) {
        server.createBucket(Names.requireBucket(bucket));
    }

    /** Stops serving and frees stored bodies (a data directory keeps its files). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "OssEmulator[" + (closed.get() ? "closed" : endpoint()) + ", buckets=" + config.buckets() + "]";
    }

    /** Configures an emulator; every setting has a default. A builder can start several emulators. */
    public static final class Builder {

        private final Set<String> buckets = new LinkedHashSet<>();
        private final Map<String, Account> accounts = new LinkedHashMap<>();
        private String region = DEFAULT_REGION;
        private int port;
        private @Nullable Path dataDir;
        private Duration callbackTimeout = Duration.ofSeconds(5);
        private boolean sink;
        private @Nullable KeyPair callbackKeys;
        private Clock clock = Clock.systemUTC();
        private boolean anonymousReads;
        private final Set<String> hostNames = new LinkedHashSet<>();
        private boolean recordUnauthenticated;
        private final Set<String> corsOrigins = new LinkedHashSet<>();
        private Limits limits = Limits.DEFAULT;

        private Builder() {
        }

        /** Adds a bucket (by default only {@value #DEFAULT_BUCKET} exists). */
        public Builder bucket(String name) {
            buckets.add(Names.requireBucket(name));
            return this;
        }

        /**
         * Accepts this access key (by default {@value #DEFAULT_ACCESS_KEY_ID} /
         * {@value #DEFAULT_ACCESS_KEY_SECRET}).
         */
        public Builder credentials(String accessKeyId, String accessKeySecret) {
            accounts.put(accessKeyId,
                    new Account(accessKeyId, Objects.requireNonNull(accessKeySecret, "secret"), null));
            return this;
        }

        /** Accepts this temporary (STS) access key, whose requests must carry {@code securityToken}. */
        public Builder temporaryCredentials(String accessKeyId, String accessKeySecret, String securityToken) {
            accounts.put(accessKeyId, new Account(accessKeyId, Objects.requireNonNull(accessKeySecret, "secret"),
                    Objects.requireNonNull(securityToken, "securityToken")));
            return this;
        }

        /** The region V4 signatures must be scoped to (default {@value #DEFAULT_REGION}). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The port on 127.0.0.1 (default 0: any free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Keeps objects and open multipart uploads (with their parts) in {@code dataDir}, so that an
         * emulator started later on the same directory serves them again. By default state is in memory.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** How long each callback URL may take to answer (default 5 s, as OSS). */
        public Builder callbackTimeout(Duration timeout) {
            this.callbackTimeout = Objects.requireNonNull(timeout, "callbackTimeout");
            return this;
        }

        /**
         * Sink mode, for benchmarks: bodies are hashed (MD5, CRC-64) and discarded; metadata is kept and
         * reads of object content answer 501.
         */
        public Builder sink(boolean sink) {
            this.sink = sink;
            return this;
        }

        /**
         * The RSA key pair that signs callbacks (default: a 1024-bit pair, the size of the test key in
         * the protocol notes, made once per JVM).
         */
        public Builder callbackKeyPair(KeyPair keyPair) {
            this.callbackKeys = Objects.requireNonNull(keyPair, "keyPair");
            return this;
        }

        /** The server's clock, for {@code Date}, {@code Last-Modified} and the 15-minute skew check. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether unsigned GetObject and HeadObject are allowed (default false: 403 AccessDenied). */
        public Builder anonymousReads(boolean anonymousReads) {
            this.anonymousReads = anonymousReads;
            return this;
        }

        /**
         * Also serves requests whose {@code Host} is {@code name} or {@code <bucket>.name} (case-insensitive).
         * Without it only loopback addresses, {@code localhost} and bucket names on those are served, and other
         * {@code Host} values get 403 {@code AccessDenied}, so a web page cannot reach the emulator through DNS
         * rebinding.
         */
        public Builder hostName(String name) {
            String host = Objects.requireNonNull(name, "hostName").trim().toLowerCase(Locale.ROOT);
            if (host.isEmpty() || !host.matches("[a-z0-9.-]+")) {
                throw new IllegalArgumentException("hostName: must be a DNS name, got '" + name + "'");
            }
            hostNames.add(host);
            return this;
        }

        /**
         * Whether requests refused for their credentials or signature (or their {@code Host}) are kept in the
         * request log (default false: a client that cannot sign cannot fill the log).
         */
        public Builder recordUnauthenticatedRequests(boolean record) {
            this.recordUnauthenticated = record;
            return this;
        }

        /**
         * Allows browser pages on these origins ({@code scheme://host[:port]}, or {@code *} for any) to upload
         * and read, as a bucket CORS rule does: {@code OPTIONS} preflights from them are answered (any method of
         * GET, PUT, POST, HEAD, DELETE, any request header, {@code ETag} and {@code x-oss-request-id} exposed) and
         * answers to their requests carry {@code Access-Control-Allow-Origin}. Preflights from other origins get
         * 403 {@code AccessDenied}. By default CORS is off.
         */
        public Builder corsOrigin(String... origins) {
            for (String origin : origins) {
                String trimmed = Objects.requireNonNull(origin, "origin").trim();
                if (!trimmed.equals("*") && !trimmed.matches("https?://[^/\\s]+")) {
                    throw new IllegalArgumentException("corsOrigin: must be * or scheme://host[:port], got '"
                            + origin + "'");
                }
                corsOrigins.add(trimmed);
            }
            return this;
        }

        /** Caps other than the defaults, for tests of the caps themselves. */
        Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Starts a new emulator; it accepts requests when this returns. */
        public OssEmulator start() {
            Set<String> bucketSet = buckets.isEmpty() ? Set.of(DEFAULT_BUCKET) : buckets;
            Map<String, Account> accountMap = accounts.isEmpty()
                    ? Map.of(DEFAULT_ACCESS_KEY_ID, new Account(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, null))
                    : accounts;
            KeyPair keys = callbackKeys != null ? callbackKeys : CallbackSigner.sharedKeyPair();
            return new OssEmulator(new EmulatorConfig("127.0.0.1", port, region, bucketSet, accountMap, dataDir,
                    callbackTimeout, sink, keys, clock, anonymousReads, hostNames, limits, recordUnauthenticated,
                    corsOrigins));
        }
    }
}
