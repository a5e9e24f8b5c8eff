package dev.ossflux.core.internal.json;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON of ossflux (callback parameters and replies, checkpoints, the emulator's records), on
 * Jackson's streaming core only, so that no databind or annotations version is imposed on an application.
 *
 * <p>A JSON value is read as a tree of plain Java values: an unmodifiable {@code Map<String, Object>} for an
 * object (fields in order), an unmodifiable {@code List<Object>} for an array, {@code String}, {@code Long} (or
 * {@code BigInteger} past 64 bits), {@code Double}, {@code Boolean}, and {@code null}. Records are read and
 * written by their component names (see {@link Records}). Anything that is not JSON, or does not fit the
 * asked type, is an {@link IllegalArgumentException}.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** Parses one JSON value into a tree of plain values. */
    public static @Nullable Object read(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("not JSON: the input is empty");
            }
            Object value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("not JSON: content follows the value");
            }
            return value;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses one JSON value and binds it to {@code type}, a record or a plain value type. */
    public static <T> T read(byte[] json, Class<T> type) {
        return type.cast(Records.bind(read(json), type, UnaryOperator.identity()));
    }

    /** Writes a tree of plain values, records (by component name) and {@code Optional}s as compact JSON. */
    public static byte[] write(@Nullable Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write(generator, Records.tree(value, UnaryOperator.identity()));
        }
        return out.toByteArray();
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text) {
        return new String(write(text), StandardCharsets.UTF_8);
    }

    private static @Nullable Object value(JsonParser parser, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("not JSON: unexpected " + token);
        };
    }

    private static Map<String, Object> object(JsonParser parser) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            fields.put(name, value(parser, parser.nextToken()));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static List<Object> array(JsonParser parser) {
        List<Object> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(value(parser, token));
        }
        return Collections.unmodifiableList(items);
    }

    private static void write(JsonGenerator out, @Nullable Object value) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof BigInteger big) {
            out.writeNumber(big);
        } else if (value instanceof BigDecimal decimal) {
            out.writeNumber(decimal);
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            out.writeNumber(number.longValue());
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            map.forEach((name, field) -> {
                out.writeName(String.valueOf(name));
                write(out, field);
            });
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            list.forEach(item -> write(out, item));
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }
}
