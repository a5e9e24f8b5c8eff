package dev.ossflux.core.callback;

import dev.ossflux.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

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
     * The reply parsed as JSON.
     *
     * @throws tools.jackson.core.JacksonException when the reply is not JSON
     */
    public JsonNode json() {
        return Json.MAPPER.readTree(bytes);
    }

    /**
     * The reply mapped by Jackson to {@code type}.
     *
     * @throws tools.jackson.core.JacksonException when the reply does not fit the type
     */
    public <T> T as(Class<T> type) {
        return Json.MAPPER.readValue(bytes, type);
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
