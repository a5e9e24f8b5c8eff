package dev.ossflux.core.internal.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A response with its body gathered, plus what the client knows of the body it sent.
 *
 * @param sentCrc64 the CRC-64 of the request body, when there was one
 */
public record OssResponse(int status, HttpHeaders headers, byte[] body, OptionalLong sentCrc64, long sentBytes) {

    public @Nullable String header(String name) {
        return headers.get(name);
    }

    public String requestId() {
        String id = headers.get("x-oss-request-id");
        return id == null ? "" : id;
    }

    /** The ETag header without its quotes. */
    public @Nullable String etag() {
        return unquote(headers.get("etag"));
    }

    public static @Nullable String unquote(@Nullable String etag) {
        if (etag == null) {
            return null;
        }
        String trimmed = etag.replace("&quot;", "\"").trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
