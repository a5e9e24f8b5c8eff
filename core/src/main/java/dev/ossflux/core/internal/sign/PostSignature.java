package dev.ossflux.core.internal.sign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Signatures of a PostObject policy: the string to sign is the base64 policy document itself. */
public final class PostSignature {

    private PostSignature() {
    }

    /** V1: {@code base64(HMAC-SHA1(secret, policy))}, the {@code Signature} form field. */
    public static String v1(String secret, String base64Policy) {
        return Base64.getEncoder().encodeToString(
                Hashing.hmacSha1(secret.getBytes(StandardCharsets.UTF_8), base64Policy));
    }

    /** V4: {@code hex(HMAC-SHA256(signing key of day and region, policy))}, the {@code x-oss-signature} field. */
    public static String v4(String secret, String day, String region, String base64Policy) {
        return Hashing.hex(Hashing.hmacSha256(V4Signer.deriveSigningKey(secret, day, region), base64Policy));
    }
}
