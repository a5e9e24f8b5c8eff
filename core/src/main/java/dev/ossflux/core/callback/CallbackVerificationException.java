package dev.ossflux.core.callback;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A callback request that {@link CallbackVerifier} could not prove to come from OSS. The message
 * says why; it never holds the signature or the body. An application answers such a request
 * with a 4xx status (OSS then reports {@code CallbackFailed} to the uploader), or 503 for
 * {@link Reason#PUBLIC_KEY_UNAVAILABLE} and {@link Reason#REPLAY_CHECK_UNAVAILABLE}, which may pass on a later
 * attempt.
 */
public final class CallbackVerificationException extends RuntimeException {

    private final Reason reason;

    /** A failure for {@code reason}, explained by {@code message}. */
    public CallbackVerificationException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** A failure for {@code reason}, explained by {@code message} and caused by {@code cause}. */
    public CallbackVerificationException(Reason reason, String message, @Nullable Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + Objects.requireNonNull(message, "message"), cause);
        this.reason = reason;
    }

    /** Why verification failed. */
    public Reason reason() {
        return reason;
    }

    /** Why a callback request failed verification. */
    public enum Reason {
        /** The request has no {@code Authorization} header. */
        MISSING_AUTHORIZATION,
        /** The request has no {@code x-oss-pub-key-url} header (and no key is pinned). */
        MISSING_PUBLIC_KEY_URL,
        /** The public key URL is not under a trusted prefix; nothing was fetched. */
        UNTRUSTED_PUBLIC_KEY_URL,
        /** The public key could not be fetched in time, was too large, or is not a PEM RSA public key. */
        PUBLIC_KEY_UNAVAILABLE,
        /** The signature does not match the path, query and body under the public key. */
        BAD_SIGNATURE,
        /** The body is larger than the verifier accepts. */
        BODY_TOO_LARGE,
        /** A header is not valid base64, or a verified body does not parse as the expected body type. */
        MALFORMED,
        /** The {@code Content-Type} names another body type than the verifier expects. */
        UNEXPECTED_BODY_TYPE,
        /** The verifier requires a binding and the body lacks its fields: the callback was not bound. */
        BINDING_MISSING,
        /** The binding's MAC does not match the bucket and object OSS filled in, or its other fields. */
        BINDING_MISMATCH,
        /** The binding's expiry has passed. */
        BINDING_EXPIRED,
        /** The binding's nonce was seen before: the callback is a replay (or reached a fallback URL again). */
        REPLAYED,
        /** The nonce store failed or is full, so a replay could not be ruled out; may pass on a later attempt. */
        REPLAY_CHECK_UNAVAILABLE
    }
}
