package dev.ossflux.core.callback;

import dev.ossflux.core.internal.Names;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Binds upload callbacks to the application: a callback bound with the application's secret carries an
 * expiry, a random nonce and an HMAC-SHA256 over bucket, object key, expiry, nonce and body type, and a
 * {@link CallbackVerifier} built with the same binding accepts it only when that MAC matches the bucket and
 * object OSS filled into the body, the expiry has not passed and the nonce was not seen before. A correctly
 * signed OSS callback caused by someone else's upload (their account, their bucket, a body of constants
 * naming ours) or a replayed one is then refused.
 *
 * <pre>{@code
 * CallbackBinding binding = CallbackBinding.of(secret);   // the same secret on uploader and receiver
 * Callback bound = binding.bind(Callback.builder(url, "object=${object}&size=${size}").build(),
 *         "examplebucket", "photos/cat.png");
 * client.putObject(PutObjectRequest.builder("examplebucket", "photos/cat.png").callback(bound).build(), body);
 * }</pre>
 *
 * <p>Binding adds three custom variables ({@value #EXPIRES_VARIABLE}, {@value #NONCE_VARIABLE},
 * {@value #MAC_VARIABLE}, about 150 bytes of {@code x-oss-callback-var}) and five body fields that OSS fills
 * in: {@value #BUCKET_FIELD} = {@code ${bucket}}, {@value #OBJECT_FIELD} = {@code ${object}} and the three
 * variables under {@value #EXPIRES_FIELD}, {@value #NONCE_FIELD} and {@value #MAC_FIELD}, appended to a form
 * body or added to a JSON object body. The variable names are valid {@code x:} form fields, so a browser
 * upload (POST policy) can carry them too. Nothing is sent for it: no extra round trip.
 *
 * <p>The secret never appears in {@code toString}, logs or exceptions. Instances are immutable and
 * thread-safe; nonces come from a {@link SecureRandom} seeded when the binding is created, so binding never
 * blocks (it may run on an event loop).
 */
public final class CallbackBinding {

    /** The custom variable holding the expiry, in seconds since the epoch. */
    public static final String EXPIRES_VARIABLE = "x:ossflux_expires";
    /** The custom variable holding the random nonce. */
    public static final String NONCE_VARIABLE = "x:ossflux_nonce";
    /** The custom variable holding the MAC. */
    public static final String MAC_VARIABLE = "x:ossflux_mac";
    /** The body field OSS fills with the bucket ({@code ${bucket}}). */
    public static final String BUCKET_FIELD = "ossflux_bucket";
    /** The body field OSS fills with the object key ({@code ${object}}). */
    public static final String OBJECT_FIELD = "ossflux_object";
    /** The body field holding the expiry. */
    public static final String EXPIRES_FIELD = "ossflux_expires";
    /** The body field holding the nonce; a key for idempotent handling. */
    public static final String NONCE_FIELD = "ossflux_nonce";
    /** The body field holding the MAC. */
    public static final String MAC_FIELD = "ossflux_mac";

    /** The shortest secret accepted, in bytes. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final Duration DEFAULT_VALIDITY = Duration.ofHours(1);
    private static final int NONCE_LENGTH = 16;

    private final BindingMac mac;
    private final Duration validity;
    private final Clock clock;
    private final SecureRandom random;

    private CallbackBinding(BindingMac mac, Duration validity, Clock clock, SecureRandom random) {
        this.mac = mac;
        this.validity = validity;
        this.clock = clock;
        this.random = random;
    }

    /**
     * A binding with {@code secret} (at least {@value #MIN_SECRET_LENGTH} bytes, copied), valid for an hour
     * after {@link #bind}.
     *
     * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_LENGTH} bytes
     */
    public static CallbackBinding of(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret: must have at least " + MIN_SECRET_LENGTH + " bytes, got "
                    + secret.length);
        }
        return new CallbackBinding(new BindingMac(secret), DEFAULT_VALIDITY, Clock.systemUTC(), seededRandom());
    }

    /**
     * {@link #of(byte[])} with the UTF-8 bytes of {@code secret}, e.g. a value from the environment.
     *
     * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_LENGTH} bytes
     */
    public static CallbackBinding of(String secret) {
        return of(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
    }

    /** A binding with a fresh random 256-bit secret, for one process that both uploads and verifies. */
    public static CallbackBinding random() {
        byte[] secret = new byte[MIN_SECRET_LENGTH];
        seededRandom().nextBytes(secret);
        return of(secret);
    }

    /**
     * This binding with callbacks valid for {@code validity} after {@link #bind} (default one hour). It must
     * cover the upload from binding to the callback (all parts of a multipart upload bound up front), and it
     * is how long a verifier's nonce store keeps the nonce.
     */
    public CallbackBinding withValidity(Duration validity) {
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity: must be positive, got " + validity);
        }
        return new CallbackBinding(mac, validity, clock, random);
    }

    /** This binding reading the time from {@code clock} (default: the system clock in UTC). */
    public CallbackBinding withClock(Clock clock) {
        return new CallbackBinding(mac, validity, Objects.requireNonNull(clock, "clock"), random);
    }

    /** How long a bound callback stays valid. */
    public Duration validity() {
        return validity;
    }

    /**
     * {@code callback} bound to the upload of {@code key} into {@code bucket}: the binding's variables added
     * and referenced in its body. Bind once per upload, with the bucket and key of the request that carries
     * the callback.
     *
     * @throws IllegalArgumentException when bucket or key is invalid, the callback is already bound or uses a
     *     binding name, a JSON body template is not an object, or the result exceeds an OSS limit
     */
    public Callback bind(Callback callback, String bucket, String key) {
        Objects.requireNonNull(callback, "callback");
        Names.requireBucket(bucket);
        Names.requireKey(key);
        String template = BoundTemplate.extend(callback.body(), callback.bodyType(), callback.variables().keySet());
        String expires = Long.toString(clock.instant().plus(validity).getEpochSecond());
        byte[] nonceBytes = new byte[NONCE_LENGTH];
        random.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        String signature = mac.sign(callback.bodyType(), bucket, key, expires, nonce);
        return callback.toBuilder()
                .body(template)
                .variable(EXPIRES_VARIABLE, expires)
                .variable(NONCE_VARIABLE, nonce)
                .variable(MAC_VARIABLE, signature)
                .build();
    }

    /** The MAC over these values under this binding's secret, for the verifier. */
    BindingMac mac() {
        return mac;
    }

    @Override
    public String toString() {
        return "CallbackBinding[secret=<redacted>, validity=" + validity + "]";
    }

    /** A DRBG seeded now, on the caller's thread, so that later draws read no entropy source. */
    private static SecureRandom seededRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[1]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no DRBG SecureRandom", e);
        }
    }
}
