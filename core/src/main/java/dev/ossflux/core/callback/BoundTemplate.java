package dev.ossflux.core.callback;

import static dev.ossflux.core.callback.CallbackBinding.BUCKET_FIELD;
import static dev.ossflux.core.callback.CallbackBinding.EXPIRES_FIELD;
import static dev.ossflux.core.callback.CallbackBinding.EXPIRES_VARIABLE;
import static dev.ossflux.core.callback.CallbackBinding.MAC_FIELD;
import static dev.ossflux.core.callback.CallbackBinding.MAC_VARIABLE;
import static dev.ossflux.core.callback.CallbackBinding.NONCE_FIELD;
import static dev.ossflux.core.callback.CallbackBinding.NONCE_VARIABLE;
import static dev.ossflux.core.callback.CallbackBinding.OBJECT_FIELD;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Adds the binding's fields to a callback body template, as form fields or as members of a JSON object. */
final class BoundTemplate {

    /** Field name to placeholder, in the order they are added. */
    private static final Map<String, String> FIELDS = fields();
    private static final List<String> VARIABLES = List.of(EXPIRES_VARIABLE, NONCE_VARIABLE, MAC_VARIABLE);

    private BoundTemplate() {
    }

    /**
     * {@code template} with the binding's fields added.
     *
     * @throws IllegalArgumentException when the template already names a binding field or variable, or a JSON
     *     template is not an object
     */
    static String extend(String template, Callback.BodyType type, Set<String> variables) {
        for (String variable : VARIABLES) {
            if (variables.contains(variable) || template.contains("${" + variable + "}")) {
                throw new IllegalArgumentException("callback: already bound (it uses " + variable + ")");
            }
        }
        for (String field : FIELDS.keySet()) {
            if (template.contains(field)) {
                throw new IllegalArgumentException("callbackBody: must not use the binding's field name " + field);
            }
        }
        return type == Callback.BodyType.JSON ? extendJson(template) : extendForm(template);
    }

    private static String extendForm(String template) {
        StringBuilder out = new StringBuilder(template);
        FIELDS.forEach((field, placeholder) -> {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '&') {
                out.append('&');
            }
            out.append(field).append('=').append(placeholder);
        });
        return out.toString();
    }

    private static String extendJson(String template) {
        String trimmed = template.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new IllegalArgumentException("callbackBody: a bound JSON body must be a JSON object, {...}");
        }
        String members = trimmed.substring(1, trimmed.length() - 1);
        StringBuilder out = new StringBuilder(template.length() + 200).append('{').append(members);
        boolean first = members.isBlank();
        for (Map.Entry<String, String> entry : FIELDS.entrySet()) {
            out.append(first ? "" : ",").append('"').append(entry.getKey()).append("\":").append(entry.getValue());
            first = false;
        }
        return out.append('}').toString();
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(BUCKET_FIELD, "${bucket}");
        fields.put(OBJECT_FIELD, "${object}");
        fields.put(EXPIRES_FIELD, "${" + EXPIRES_VARIABLE + "}");
        fields.put(NONCE_FIELD, "${" + NONCE_VARIABLE + "}");
        fields.put(MAC_FIELD, "${" + MAC_VARIABLE + "}");
        return Collections.unmodifiableMap(fields);
    }
}
