package dev.ossflux.core.internal.sign;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a signature covers: the verb, the canonical bucket and raw key, the decoded query in
 * request order, and the headers by lower-case name.
 */
public record SigningInput(
        String method, @Nullable String bucket, @Nullable String key, List<QueryParam> query,
        Map<String, String> headers) {

    /** {@code /bucket/key}, {@code /bucket/} or {@code /}, from the raw (decoded) key. */
    public String resourcePath() {
        if (bucket == null) {
            return "/";
        }
        return key == null ? "/" + bucket + "/" : "/" + bucket + "/" + key;
    }

    public String header(String lowerCaseName) {
        String value = headers.get(lowerCaseName);
        return value == null ? "" : value;
    }
}
