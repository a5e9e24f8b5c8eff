package dev.ossflux.core.internal.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC and digest helpers over per-thread JCA instances (their lookup costs more than the hash). */
public final class Hashing {

    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> mac("HmacSHA1"));
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> mac("HmacSHA256"));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> digest("SHA-256"));
    private static final HexFormat HEX = HexFormat.of();

    private Hashing() {
    }

    public static byte[] hmacSha1(byte[] key, String message) {
        return hmac(HMAC_SHA1.get(), "HmacSHA1", key, message);
    }

    public static byte[] hmacSha256(byte[] key, String message) {
        return hmac(HMAC_SHA256.get(), "HmacSHA256", key, message);
    }

    public static String sha256Hex(String message) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(message.getBytes(StandardCharsets.UTF_8)));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** A new MD5 digest for streaming use. */
    public static MessageDigest md5() {
        return digest("MD5");
    }

    /** A new SHA-256 digest for streaming use. */
    public static MessageDigest sha256() {
        return digest("SHA-256");
    }

    private static byte[] hmac(Mac mac, String algorithm, byte[] key, String message) {
        try {
            mac.init(new SecretKeySpec(key, algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " rejected its key", e);
        }
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
