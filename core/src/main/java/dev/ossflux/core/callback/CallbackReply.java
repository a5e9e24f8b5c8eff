package dev.ossflux.core.callback;

import dev.ossflux.core.internal.json.Databind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The application server's answer to an upload callback, as OSS relayed it to the uploader.
 *
 * <pre>{@code
 * record Receipt(String status, long size) {}
 * Receipt receipt = result.callbackReply().orElseThrow().as(Receipt.class);
 * }</pre>
 */
public final class CallbackReply {

    private final byte[] bytes;

    private CallbackReply(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A reply holding a copy of {@code bytes}. */
    public static CallbackReply of(byte[] bytes) {
        return new CallbackReply(bytes.clone());
    }

    /** The reply body exactly as received (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The reply body as UTF-8 text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The reply as a JSON object, read without any JSON library of the application: an unmodifiable map of its
     * fields in order, whose values are {@code String}, {@code Long} (or {@code BigInteger} past 64 bits),
     * {@code Double}, {@code Boolean}, {@code null}, {@code List<Object>} for arrays and {@code Map<String, Object>}
     * for objects. For Jackson's tree, ask {@code as(JsonNode.class)}.
     *
     * @throws IllegalArgumentException when the reply is not a JSON object
     */
    public Map<String, Object> json() {
        return JsonObjects.parse(bytes, "callback reply");
    }

    /**
     * The reply mapped to {@code type} by the application's Jackson (3, else 2, found on the class path; unknown
     * properties ignored), or without Jackson to a record, {@code Map}, {@code List} or plain value by name.
     *
     * @throws IllegalArgumentException when the reply does not fit the type (the mapper's error is the cause)
     */
    public <T> T as(Class<T> type) {
        return as(type, Databind.detected()::read);
    }

    /**
     * The reply mapped to {@code type} by {@code mapping}, such as the application's configured
     * {@code objectMapper::readValue}.
     *
     * @throws IllegalArgumentException when the reply does not fit the type (the mapper's error is the cause)
     */
    public <T> T as(Class<T> type, JsonMapping mapping) {
        return JsonObjects.map(bytes, type, mapping, "callback reply");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallbackReply that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "CallbackReply[" + bytes.length + " bytes]";
    }
}
