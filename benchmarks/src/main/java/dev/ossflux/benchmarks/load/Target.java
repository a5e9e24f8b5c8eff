package dev.ossflux.benchmarks.load;

import dev.ossflux.testkit.OssEmulator;

/**
 * Where and as whom every contender uploads: the emulator's endpoint and bucket, its credentials
 * and region, and the callback receiver of scenario 5.
 */
record Target(String endpoint, String bucket, String accessKeyId, String accessKeySecret, String region,
        String callbackUrl) {

    /** The callback all contenders send: a form body with the system variables. */
    static final String CALLBACK_BODY = "bucket=${bucket}&object=${object}&size=${size}";
    static final String CALLBACK_BODY_TYPE = "application/x-www-form-urlencoded";

    static Target of(String endpoint, String bucket, String callbackUrl) {
        return new Target(endpoint, bucket, env("OSS_ACCESS_KEY_ID", OssEmulator.DEFAULT_ACCESS_KEY_ID),
                env("OSS_ACCESS_KEY_SECRET", OssEmulator.DEFAULT_ACCESS_KEY_SECRET),
                env("OSS_REGION", OssEmulator.DEFAULT_REGION), callbackUrl);
    }

    /** The {@code x-oss-callback} value, for the clients that take it ready-made. */
    String callbackHeader() {
        String json = "{\"callbackUrl\":\"" + callbackUrl + "\",\"callbackBody\":\"" + CALLBACK_BODY
                + "\",\"callbackBodyType\":\"" + CALLBACK_BODY_TYPE + "\"}";
        return java.util.Base64.getEncoder().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
