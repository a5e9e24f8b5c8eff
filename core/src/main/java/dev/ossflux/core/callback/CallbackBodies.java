package dev.ossflux.core.callback;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import dev.ossflux.core.internal.json.Json;
import dev.ossflux.core.internal.sign.PercentEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads the variables of a verified callback body by its content type. */
final class CallbackBodies {

    private CallbackBodies() {
    }

    /**
     * Reads {@code body} as {@code expected}; a {@code Content-Type} naming another type (it is not signed) is
     * {@link Reason#UNEXPECTED_BODY_TYPE}.
     */
    static VerifiedCallback parse(Callback.BodyType expected, Optional<String> contentType, byte[] body) {
        Callback.BodyType type = expect(expected, contentType);
        if (type == Callback.BodyType.JSON) {
            Object json = parseJson(body);
            return new VerifiedCallback(type, body, jsonVariables(json), json);
        }
        Map<String, String> fields = formFields(new String(body, StandardCharsets.UTF_8));
        return new VerifiedCallback(type, body, fields, Collections.unmodifiableMap(fields));
    }

    static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentEncoding.decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : PercentEncoding.decode(pair.substring(equals + 1), true);
            fields.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(fields);
    }

    private static Callback.BodyType expect(Callback.BodyType expected, Optional<String> contentType) {
        String mediaType = contentType.map(type -> type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .orElse(expected.mediaType());
        if (!mediaType.equals(expected.mediaType())) {
            throw new CallbackVerificationException(Reason.UNEXPECTED_BODY_TYPE, "Content-Type must be "
                    + expected.mediaType() + ", the body type this verifier expects, got '"
                    + Printable.of(contentType.orElse("")) + "'");
        }
        return expected;
    }

    private static @Nullable Object parseJson(byte[] body) {
        try {
            return Json.read(body);
        } catch (IllegalArgumentException e) {
            throw new CallbackVerificationException(Reason.MALFORMED,
                    "Content-Type is application/json but the body is not JSON", e);
        }
    }

    private static Map<String, String> jsonVariables(@Nullable Object json) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (json instanceof Map<?, ?> object) {
            object.forEach((name, value) -> {
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    variables.put((String) name, new String(Json.write(value), StandardCharsets.UTF_8));
                } else if (value != null) {
                    variables.put((String) name, value.toString());
                }
            });
        }
        return Collections.unmodifiableMap(variables);
    }
}
