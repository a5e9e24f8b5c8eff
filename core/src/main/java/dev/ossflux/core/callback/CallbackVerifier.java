package dev.ossflux.core.callback;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import dev.ossflux.core.internal.callback.CallbackStringToSign;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Proves that a callback request comes from OSS: the RSA signature OSS puts in {@code Authorization}
 * must match the request path, query and body under the public key at the URL in
 * {@code x-oss-pub-key-url}, and that URL must be trusted: by default only
 * {@code https://gosspublic.alicdn.com/callback_pub_key_v1.pem}, always fetched over HTTPS. With a
 * {@link Builder#binding(CallbackBinding) binding} it also proves that the callback was caused by this
 * application's upload of the object named in the body, has not expired, and was not seen before.
 *
 * <pre>{@code
 * CallbackVerifier verifier = CallbackVerifier.builder()
 *         .binding(binding)                         // the CallbackBinding the uploads were bound with
 *         .build();
 *
 * Mono<VerifiedCallback> verified = verifier.verify(CallbackRequest.builder("/oss/callback")
 *         .authorization(authorizationHeader)
 *         .publicKeyUrl(publicKeyUrlHeader)
 *         .contentType(contentTypeHeader)
 *         .body(bodyBytes)
 *         .build());
 * verified.map(callback -> callback.variable("object").orElseThrow())...
 * }</pre>
 *
 * <p>A public key URL is checked before anything is sent, so an untrusted one is never requested.
 * Keys are fetched with Reactor Netty, without blocking and without following redirects, and
 * cached by URL for a day; concurrent verifications share one fetch, a failed fetch is not repeated for
 * 30 s, and at most 4 fetches run at once. In production, prefer {@link Builder#publicKeyPem(String)
 * pinning} the OSS key: then nothing is fetched. The body is read as the {@link Builder#bodyType body type}
 * the application chose ({@code Content-Type} is not signed, so it only has to agree). Answer a failed
 * verification with 400 (OSS then reports {@code CallbackFailed} to the uploader).
 *
 * <p>A verifier is immutable and thread-safe; share one per application. It holds no connection
 * pool (each fetch opens its own connection unless {@link Builder#httpClient(HttpClient)} supplies
 * a client), so there is nothing to close. Results arrive on a Netty thread when a key was fetched,
 * otherwise on the subscribing thread; verifying costs one RSA check, done in place.
 */
public final class CallbackVerifier {

    private static final int DEFAULT_NONCES = 100_000;

    private final TrustedKeyUrls trusted;
    private final int maxBodySize;
    private final Callback.BodyType bodyType;
    private final Optional<PublicKey> pinnedKey;
    private final PublicKeyCache keys;
    private final Optional<BindingCheck> binding;

    private CallbackVerifier(Builder builder) {
        this.trusted = builder.trusted;
        this.maxBodySize = builder.maxBodySize;
        this.bodyType = builder.bodyType;
        this.pinnedKey = Optional.ofNullable(builder.publicKey);
        PublicKeyFetcher fetcher = new PublicKeyFetcher(
                builder.httpClient != null ? builder.httpClient : HttpClient.newConnection(),
                builder.keyFetchTimeout, builder.maxKeySize);
        this.keys = new PublicKeyCache(new PublicKeyCache.Limits(builder.keyCacheSize, builder.keyCacheTtl,
                builder.keyFetchFailureTtl, builder.maxKeyFetches), fetcher::fetch);
        this.binding = Optional.ofNullable(builder.binding).map(bound -> new BindingCheck(bound,
                builder.nonceStore != null ? builder.nonceStore : NonceStore.inMemory(DEFAULT_NONCES),
                Clock.systemUTC()));
    }

    /** Starts a verifier that trusts the documented OSS key URL and expects form bodies. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies {@code request}. Emits the verified callback, or fails with a
     * {@link CallbackVerificationException} whose {@link CallbackVerificationException#reason()} says
     * why. Nothing happens until subscription; the key is fetched then, unless it is cached.
     */
    public Mono<VerifiedCallback> verify(CallbackRequest request) {
        if (request == null) {
            return Mono.error(new NullPointerException("request"));
        }
        return Mono.defer(() -> {
            if (request.bodyLength() > maxBodySize) {
                return Mono.error(new CallbackVerificationException(Reason.BODY_TOO_LARGE, "the body has "
                        + request.bodyLength() + " bytes, more than the " + maxBodySize + " accepted"));
            }
            byte[] signature = base64(request.authorization(), CallbackRequest.AUTHORIZATION,
                    Reason.MISSING_AUTHORIZATION);
            return publicKey(request).map(key -> {
                checkSignature(key, signature, request);
                return CallbackBodies.parse(bodyType, request.contentType(), request.bodyUnsafe());
            }).flatMap(verified -> binding.map(check -> check.check(verified)).orElse(Mono.just(verified)));
        });
    }

    /** The largest body {@link #verify} accepts, for adapters that read the body with a limit. */
    public int maxBodySize() {
        return maxBodySize;
    }

    @Override
    public String toString() {
        return "CallbackVerifier[" + pinnedKey.map(key -> "pinned key").orElse("trusted=" + trusted.trusted())
                + ", " + bodyType + (binding.isPresent() ? ", bound" : "") + ", maxBodySize=" + maxBodySize + "]";
    }

    private Mono<PublicKey> publicKey(CallbackRequest request) {
        if (pinnedKey.isPresent()) {
            return Mono.just(pinnedKey.get());
        }
        byte[] url = base64(request.publicKeyUrl(), CallbackRequest.PUBLIC_KEY_URL, Reason.MISSING_PUBLIC_KEY_URL);
        return keys.get(trusted.check(new String(url, StandardCharsets.UTF_8)));
    }

    private static void checkSignature(PublicKey key, byte[] signature, CallbackRequest request) {
        byte[] stringToSign = CallbackStringToSign.of(request.path(), request.query(), request.bodyUnsafe());
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("MD5withRSA");
            verifier.initVerify(key);
            verifier.update(stringToSign);
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new CallbackVerificationException(Reason.BAD_SIGNATURE, "the signature does not match "
                    + "the path, query and body of the request under the OSS public key");
        }
    }

    private static byte[] base64(Optional<String> header, String name, Reason missing) {
        String value = header.map(String::trim).orElse("");
        if (value.isEmpty()) {
            throw new CallbackVerificationException(missing, "the request has no " + name + " header");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new CallbackVerificationException(Reason.MALFORMED, "the " + name + " header is not base64");
        }
    }

    /** Configures a {@link CallbackVerifier}; every setting has a default. */
    public static final class Builder {

        private TrustedKeyUrls trusted = TrustedKeyUrls.OSS;
        private Duration keyFetchTimeout = Duration.ofSeconds(5);
        private int maxKeySize = 16 * 1024;
        private int maxBodySize = 1024 * 1024;
        private int keyCacheSize = 16;
        private Duration keyCacheTtl = Duration.ofDays(1);
        private Duration keyFetchFailureTtl = Duration.ofSeconds(30);
        private int maxKeyFetches = 4;
        private Callback.BodyType bodyType = Callback.BodyType.FORM;
        private @Nullable HttpClient httpClient;
        private @Nullable PublicKey publicKey;
        private @Nullable CallbackBinding binding;
        private @Nullable NonceStore nonceStore;

        private Builder() {
        }

        /**
         * Trusts public keys under these URL prefixes instead of only the documented OSS key URL, e.g.
         * {@code https://gosspublic.alicdn.com/} or an emulator's {@code http://127.0.0.1:PORT/}. A key URL must
         * start with one of them and continue with a plain path (letters, digits, {@code - . _ ~ /}, no
         * {@code ..}). Keys are fetched over HTTPS (an {@code http://} URL as {@code https://}); plain HTTP only
         * under an {@code http://} prefix of a loopback host.
         *
         * @throws IllegalArgumentException when a prefix is not an https URL of a host and a path ending in '/'
         *     (or http of a loopback host)
         */
        public Builder trustedKeyUrlPrefixes(List<String> prefixes) {
            this.trusted = TrustedKeyUrls.underPrefixes(Objects.requireNonNull(prefixes, "prefixes"));
            return this;
        }

        /** How long fetching a public key may take, connecting included (default 5 s). */
        public Builder keyFetchTimeout(Duration timeout) {
            this.keyFetchTimeout = positive(timeout, "keyFetchTimeout");
            return this;
        }

        /** The largest public key file read (default 16 KiB). */
        public Builder maxKeySize(int bytes) {
            this.maxKeySize = positive(bytes, "maxKeySize");
            return this;
        }

        /** The largest callback body accepted (default 1 MiB). */
        public Builder maxBodySize(int bytes) {
            this.maxBodySize = positive(bytes, "maxBodySize");
            return this;
        }

        /** How many public keys are cached, least recently used dropped first (default 16). */
        public Builder keyCacheSize(int entries) {
            this.keyCacheSize = positive(entries, "keyCacheSize");
            return this;
        }

        /** How long a fetched key is kept before it is fetched again (default 1 day). */
        public Builder keyCacheTtl(Duration ttl) {
            this.keyCacheTtl = positive(ttl, "keyCacheTtl");
            return this;
        }

        /** How long a failed key fetch is remembered, so that its URL is not fetched again meanwhile (default 30 s). */
        public Builder keyFetchFailureTtl(Duration ttl) {
            this.keyFetchFailureTtl = positive(ttl, "keyFetchFailureTtl");
            return this;
        }

        /** How many key fetches may run at once; verifying with a further URL fails at once (default 4). */
        public Builder maxKeyFetches(int fetches) {
            this.maxKeyFetches = positive(fetches, "maxKeyFetches");
            return this;
        }

        /**
         * The body type the application's callbacks use (default {@link Callback.BodyType#FORM}): bodies are
         * read as this type, and a request whose {@code Content-Type} names another is refused with
         * {@link CallbackVerificationException.Reason#UNEXPECTED_BODY_TYPE}.
         */
        public Builder bodyType(Callback.BodyType bodyType) {
            this.bodyType = Objects.requireNonNull(bodyType, "bodyType");
            return this;
        }

        /**
         * Accepts only callbacks bound with {@code binding} (the uploader's binding, same secret): the MAC must
         * match the bucket and object OSS filled into the body, the expiry must not have passed and the nonce
         * must be new to the {@linkplain #nonceStore nonce store}. Failures are
         * {@link CallbackVerificationException.Reason#BINDING_MISSING}, {@code BINDING_MISMATCH},
         * {@code BINDING_EXPIRED}, {@code REPLAYED} or {@code REPLAY_CHECK_UNAVAILABLE}.
         */
        public Builder binding(CallbackBinding binding) {
            this.binding = Objects.requireNonNull(binding, "binding");
            return this;
        }

        /**
         * Where the nonces of accepted bound callbacks are remembered (default
         * {@link NonceStore#inMemory(int) in memory}, at most 100,000 unexpired); share one store among all
         * instances that receive callbacks.
         */
        public Builder nonceStore(NonceStore nonceStore) {
            this.nonceStore = Objects.requireNonNull(nonceStore, "nonceStore");
            return this;
        }

        /**
         * The Reactor Netty client keys are fetched with (its pool, proxy, TLS, metrics), e.g. one the
         * application shares; the verifier never closes it and never follows redirects. By default
         * each fetch opens its own connection.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Verifies with this key only, for deployments that ship the OSS public key (recommended in
         * production): the {@code x-oss-pub-key-url} header is then neither required nor fetched.
         */
        public Builder publicKey(PublicKey publicKey) {
            this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
            return this;
        }

        /**
         * {@link #publicKey(PublicKey)} from a PEM text ({@code -----BEGIN PUBLIC KEY-----}).
         *
         * @throws IllegalArgumentException when {@code pem} holds no RSA public key
         */
        public Builder publicKeyPem(String pem) {
            Objects.requireNonNull(pem, "pem");
            return publicKey(PemPublicKey.parse(pem.getBytes(StandardCharsets.US_ASCII)));
        }

        /** Creates the verifier. */
        public CallbackVerifier build() {
            Warmup.run();
            return new CallbackVerifier(this);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + ": must be positive, got " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + ": must be positive, got " + value);
            }
            return value;
        }
    }
}
