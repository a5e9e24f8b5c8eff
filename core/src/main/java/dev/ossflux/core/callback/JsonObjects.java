package dev.ossflux.core.callback;

import dev.ossflux.core.internal.json.Json;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON views of callback bodies and replies. An object is an unmodifiable {@code Map<String, Object>} with
 * its fields in order; its values are {@code String}, {@code Long} (or {@code BigInteger} past 64 bits),
 * {@code Double}, {@code Boolean}, {@code null}, a {@code List<Object>} for an array and a
 * {@code Map<String, Object>} for an object.
 */
final class JsonObjects {

    private JsonObjects() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(byte[] json, String what) {
        if (Json.read(json) instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw new IllegalArgumentException(what + ": not a JSON object");
    }

    static <T> T map(byte[] json, Class<T> type, JsonMapping mapping, String what) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mapping, "mapping");
        try {
            return type.cast(mapping.read(json, type));
        } catch (Exception e) {
            throw new IllegalArgumentException(what + ": does not map to " + type.getName() + ": " + e.getMessage(), e);
        }
    }
}
