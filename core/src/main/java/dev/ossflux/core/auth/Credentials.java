package dev.ossflux.core.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An AccessKey pair, with the STS session token and expiry of temporary credentials.
 *
 * <p>{@link #toString()} never shows the secret or the token.
 */
public record Credentials(
        String accessKeyId, String accessKeySecret, Optional<String> securityToken, Optional<Instant> expiration) {

    public Credentials {
        requireText(accessKeyId, "accessKeyId");
        requireText(accessKeySecret, "accessKeySecret");
        Objects.requireNonNull(securityToken, "securityToken");
        Objects.requireNonNull(expiration, "expiration");
        securityToken.ifPresent(token -> requireText(token, "securityToken"));
    }

    /** Long-term credentials that never expire. */
    public static Credentials of(String accessKeyId, String accessKeySecret) {
        return new Credentials(accessKeyId, accessKeySecret, Optional.empty(), Optional.empty());
    }

    /** Temporary STS credentials; {@code expiration} lets refreshing providers renew them in time. */
    public static Credentials temporary(
            String accessKeyId, String accessKeySecret, String securityToken, Instant expiration) {
        return new Credentials(accessKeyId, accessKeySecret, Optional.of(securityToken),
                Optional.of(Objects.requireNonNull(expiration, "expiration")));
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=<redacted>"
                + securityToken.map(token -> ", securityToken=<redacted>").orElse("")
                + expiration.map(at -> ", expiration=" + at).orElse("") + "]";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
