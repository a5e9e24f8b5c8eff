package dev.ossflux.core.internal;

import java.nio.charset.StandardCharsets;

/** Checks bucket names and object keys against the OSS naming rules before anything is sent. */
public final class Names {

    public static final int MAX_KEY_BYTES = 1023;

    private Names() {
    }

    public static String requireBucket(String bucket) {
        if (bucket == null) {
            throw new NullPointerException("bucket");
        }
        int n = bucket.length();
        boolean valid = n >= 3 && n <= 63 && isLowerAlnum(bucket.charAt(0)) && isLowerAlnum(bucket.charAt(n - 1))
                && bucket.chars().allMatch(c -> isLowerAlnum((char) c) || c == '-');
        if (!valid) {
            throw new IllegalArgumentException("bucket: '" + bucket + "' is not a valid bucket name (3 to 63 "
                    + "characters of a-z, 0-9 and '-', starting and ending with a letter or digit)");
        }
        return bucket;
    }

    public static String requireKey(String key) {
        if (key == null) {
            throw new NullPointerException("key");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key: must not be empty");
        }
        if (key.charAt(0) == '/' || key.charAt(0) == '\\') {
            throw new IllegalArgumentException("key: must not start with '" + key.charAt(0) + "'");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("key: unpaired surrogate at index " + i
                        + " (keys must be valid UTF-16 text)");
            }
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key: " + bytes + " bytes in UTF-8, more than the "
                    + MAX_KEY_BYTES + " OSS allows");
        }
        return key;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
