package dev.ossflux.core;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A response with its body gathered, plus what the client knows of the body it sent.
 *
 * @param sentCrc64 the CRC-64 of the request body, when there was one
 */
record OssResponse(int status, HttpHeaders headers, byte[] body, OptionalLong sentCrc64, long sentBytes)
        implements HttpResult {

    /** The ETag header without its quotes. */
    @Nullable String etag() {
        return unquote(headers.get("etag"));
    }

    static @Nullable String unquote(@Nullable String etag) {
        if (etag == null) {
            return null;
        }
        String trimmed = etag.replace("&quot;", "\"").trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
