package dev.ossflux.core.callback;

import static dev.ossflux.core.callback.CallbackBinding.BUCKET_FIELD;
import static dev.ossflux.core.callback.CallbackBinding.EXPIRES_FIELD;
import static dev.ossflux.core.callback.CallbackBinding.MAC_FIELD;
import static dev.ossflux.core.callback.CallbackBinding.NONCE_FIELD;
import static dev.ossflux.core.callback.CallbackBinding.OBJECT_FIELD;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The verifier's binding checks on a body whose OSS signature verified, in order: the binding's fields are
 * there; their MAC matches the bucket and object OSS filled in (and the body's own {@code bucket} and
 * {@code object} fields, when it has them, hold the same); the expiry has not passed; the nonce is new.
 */
final class BindingCheck {

    private final BindingMac mac;
    private final NonceStore nonces;
    private final Clock clock;

    BindingCheck(CallbackBinding binding, NonceStore nonces, Clock clock) {
        this.mac = binding.mac();
        this.nonces = nonces;
        this.clock = clock;
    }

    Mono<VerifiedCallback> check(VerifiedCallback callback) {
        Map<String, String> fields = callback.variables();
        String bucket = fields.get(BUCKET_FIELD);
        String key = fields.get(OBJECT_FIELD);
        String expires = fields.get(EXPIRES_FIELD);
        String nonce = fields.get(NONCE_FIELD);
        String provided = fields.get(MAC_FIELD);
        if (bucket == null || key == null || expires == null || nonce == null || provided == null) {
            return fail(Reason.BINDING_MISSING, "the body lacks the binding's fields: the callback was not bound");
        }
        if (!mac.matches(provided, callback.bodyType(), bucket, key, expires, nonce)) {
            return fail(Reason.BINDING_MISMATCH, "the binding's MAC does not match the bucket and object OSS"
                    + " filled in: the callback was bound for another object, or not by this application");
        }
        if (!sameOrAbsent(fields.get("bucket"), bucket) || !sameOrAbsent(fields.get("object"), key)) {
            return fail(Reason.BINDING_MISMATCH, "the body's bucket or object field differs from the bound one");
        }
        Optional<Instant> expiresAt = epochSecond(expires);
        if (expiresAt.isEmpty()) {
            return fail(Reason.BINDING_MISMATCH, "the binding's expiry is not a time");
        }
        if (clock.instant().isAfter(expiresAt.get())) {
            return fail(Reason.BINDING_EXPIRED, "the binding expired at " + expiresAt.get());
        }
        return Mono.defer(() -> nonces.firstUse(nonce, expiresAt.get()))
                .onErrorMap(e -> new CallbackVerificationException(Reason.REPLAY_CHECK_UNAVAILABLE,
                        "the nonce store failed: " + e.getMessage(), e))
                .switchIfEmpty(fail(Reason.REPLAY_CHECK_UNAVAILABLE, "the nonce store answered nothing"))
                .flatMap(first -> first ? Mono.just(callback)
                        : fail(Reason.REPLAYED, "the binding's nonce was used before: the callback is a replay"));
    }

    private static boolean sameOrAbsent(@Nullable String field, String bound) {
        return field == null || field.equals(bound);
    }

    private static Optional<Instant> epochSecond(String text) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static <T> Mono<T> fail(Reason reason, String message) {
        return Mono.error(() -> new CallbackVerificationException(reason, message));
    }
}
