package dev.ossflux.core.internal.sign;

import dev.ossflux.core.SignatureVersion;
import dev.ossflux.core.auth.Credentials;
import java.time.Instant;
import java.util.Map;

/** Adds the time, token and {@code Authorization} headers to an outgoing request. */
public sealed interface RequestSigner permits V1Signer, V4Signer {

    static RequestSigner of(SignatureVersion version, String region) {
        return version == SignatureVersion.V1 ? new V1Signer() : new V4Signer(region);
    }

    /**
     * Signs in place: {@code input.headers()} must be mutable, keyed by lower-case name, and
     * receives the signing headers.
     */
    void sign(SigningInput input, Credentials credentials, Instant now);

    static void addSecurityToken(Map<String, String> headers, Credentials credentials) {
        credentials.securityToken().ifPresent(token -> headers.put("x-oss-security-token", token));
    }
}
