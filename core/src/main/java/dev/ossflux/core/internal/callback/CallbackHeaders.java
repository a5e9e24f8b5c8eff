package dev.ossflux.core.internal.callback;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.json.Json;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link Callback} back from the {@code x-oss-callback} and {@code x-oss-callback-var} values
 * a request carries (header, query parameter or form field), as OSS does; the emulator's side of
 * {@link Callback#headerValue()}.
 */
public final class CallbackHeaders {

    private CallbackHeaders() {
    }

    /**
     * Reads the {@code x-oss-callback} and optional {@code x-oss-callback-var} header values,
     * applying the same rules as the builder.
     *
     * @throws IllegalArgumentException when a value is not base64 JSON or breaks a rule
     */
    public static Callback decode(String callbackHeader, @Nullable String callbackVarHeader) {
        Map<?, ?> parameters = decodeJson(callbackHeader, "x-oss-callback");
        String urls = text(parameters, "callbackUrl");
        String body = text(parameters, "callbackBody");
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("callbackUrl: at least one URL is required");
        }
        if (body == null) {
            throw new IllegalArgumentException("callbackBody: is required");
        }
        String[] split = urls.split(";", -1);
        Callback.Builder builder = Callback.builder(split[0], body);
        for (int i = 1; i < split.length; i++) {
            builder.url(split[i]);
        }
        String host = text(parameters, "callbackHost");
        if (host != null && !host.isEmpty()) {
            builder.host(host);
        }
        String type = text(parameters, "callbackBodyType");
        if (type != null && !type.isEmpty()) {
            builder.bodyType(Callback.BodyType.fromMediaType(type));
        }
        Object sni = parameters.get("callbackSNI");
        if (sni != null) {
            if (!(sni instanceof Boolean flag)) {
                throw new IllegalArgumentException("callbackSNI: must be a JSON boolean");
            }
            builder.sni(flag);
        }
        if (callbackVarHeader != null && !callbackVarHeader.isEmpty()) {
            for (Map.Entry<?, ?> entry : decodeJson(callbackVarHeader, "x-oss-callback-var").entrySet()) {
                if (!(entry.getValue() instanceof String value)) {
                    throw new IllegalArgumentException("x-oss-callback-var: value of '" + entry.getKey()
                            + "' must be a string");
                }
                builder.variable((String) entry.getKey(), value);
            }
        }
        return builder.build();
    }

    private static Map<?, ?> decodeJson(String base64, String header) {
        Object json;
        try {
            json = Json.read(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(header + ": must be base64 of a JSON object", e);
        }
        if (json instanceof Map<?, ?> object) {
            return object;
        }
        throw new IllegalArgumentException(header + ": must be a JSON object");
    }

    private static @Nullable String text(Map<?, ?> json, String field) {
        Object value = json.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(field + ": must be a JSON string");
    }
}
