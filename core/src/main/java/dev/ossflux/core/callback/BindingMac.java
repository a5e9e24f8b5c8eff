package dev.ossflux.core.callback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 of a callback binding over a versioned label, the body type, bucket, key, expiry and nonce,
 * each preceded by its UTF-8 length so that no two inputs share an encoding. Written base64url without padding.
 */
final class BindingMac {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] LABEL = "ossflux-callback-binding-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    BindingMac(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        newMac();
    }

    String sign(Callback.BodyType type, String bucket, String objectKey, String expires, String nonce) {
        Mac mac = newMac();
        ByteArrayOutputStream input = new ByteArrayOutputStream(128 + objectKey.length() * 3);
        for (String field : new String[] {type.mediaType(), bucket, objectKey, expires, nonce}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            input.write(n >>> 24);
            input.write(n >>> 16);
            input.write(n >>> 8);
            input.write(n);
            input.writeBytes(bytes);
        }
        mac.update(LABEL);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.toByteArray()));
    }

    /** Whether {@code provided} is the MAC of these values, compared in constant time. */
    boolean matches(String provided, Callback.BodyType type, String bucket, String objectKey, String expires,
            String nonce) {
        byte[] expected = sign(type, bucket, objectKey, expires, nonce).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, provided.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "BindingMac[<redacted>]";
    }
}
