package dev.ossflux.core.internal.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

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
                JsonNode root = Xml.MAPPER.readTree(xml);
                for (Map.Entry<String, JsonNode> field : root.properties()) {
                    if (field.getValue().isValueNode()) {
                        fields.put(field.getKey(), field.getValue().asString());
                    }
                }
            } catch (JacksonException notXml) {
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
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
        fields.forEach((name, value) -> xml.append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append('>'));
        return xml.append("</Error>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
