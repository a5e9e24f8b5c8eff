package dev.ossflux.core;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * A PostObject policy document: {@code {"expiration":"...","conditions":[...]}}, written as the
 * official SDKs write it (no spaces, {@code /} escaped as {@code \/}), and its base64 form, which is
 * both the {@code policy} form field and the string that is signed.
 */
record PolicyDocument(Instant expiration, List<Condition> conditions) {

    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();

    PolicyDocument {
        conditions = List.copyOf(conditions);
    }

    /** One rule a form must meet. */
    sealed interface Condition {

        void write(JsonGenerator json);

        /** {@code {"name": "value"}}: the field must equal the value. */
        record Exact(String name, String value) implements Condition {
            @Override
            public void write(JsonGenerator json) {
                json.writeStartObject();
                json.writeName(name);
                json.writeString(value);
                json.writeEndObject();
            }
        }

        /** {@code ["eq" | "starts-with", "$field", "value"]}. */
        record Match(boolean prefix, String field, String value) implements Condition {
            @Override
            public void write(JsonGenerator json) {
                json.writeStartArray();
                json.writeString(prefix ? "starts-with" : "eq");
                json.writeString("$" + field);
                json.writeString(value);
                json.writeEndArray();
            }
        }

        /** {@code ["content-length-range", min, max]}. */
        record LengthRange(long min, long max) implements Condition {
            @Override
            public void write(JsonGenerator json) {
                json.writeStartArray();
                json.writeString("content-length-range");
                json.writeNumber(min);
                json.writeNumber(max);
                json.writeEndArray();
            }
        }
    }

    byte[] json() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeName("expiration");
            json.writeString(EXPIRATION.format(expiration));
            json.writeName("conditions");
            json.writeStartArray();
            conditions.forEach(condition -> condition.write(json));
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The {@code policy} form field and string to sign. */
    String base64() {
        return Base64.getEncoder().encodeToString(json());
    }
}
