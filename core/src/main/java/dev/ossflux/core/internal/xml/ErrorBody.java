package dev.ossflux.core.internal.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code <Error>} body OSS sends with a failure: every leaf element by name, in order.
 * {@code Code}, {@code Message}, {@code RequestId}, {@code HostId} and {@code EC} are the
 * well-known ones.
 */
public record ErrorBody(Map<String, String> fields) {

    public ErrorBody {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Parses an error body; anything that is not an {@code <Error>} document gives an empty result. */
    public static ErrorBody parse(byte[] xml) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (xml.length > 0) {
            try {
                if (Xml.tree(xml) instanceof Map<?, ?> root) {
                    root.forEach((name, value) -> {
                        if (value instanceof String text) {
                            fields.put((String) name, text);
                        }
                    });
                }
            } catch (IllegalArgumentException notXml) {
                return new ErrorBody(Map.of());
            }
        }
        return new ErrorBody(fields);
    }

    public @Nullable String get(String name) {
        return fields.get(name);
    }

    /** Renders {@code <?xml ...?><Error>...</Error>} with the fields in order, escaped. */
    public String toXml() {
        return Xml.document("Error", fields);
    }
}
