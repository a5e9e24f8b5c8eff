package dev.ossflux.core.internal.callback;

import dev.ossflux.core.internal.sign.PercentEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bytes OSS signs with RSA when it sends a callback (oss-protocol.md §6.7): the request path
 * with percent-escapes decoded, {@code ?} and the query exactly as sent when there is one, a line
 * feed, and the body exactly as sent. {@code +} in the path stays {@code +}.
 */
public final class CallbackStringToSign {

    private CallbackStringToSign() {
    }

    /** The string to sign for a callback to {@code rawPath} (as sent, e.g. {@code /oss/cb}) with {@code rawQuery}. */
    public static byte[] of(String rawPath, Optional<String> rawQuery, byte[] body) {
        byte[] path = PercentEncoding.decodeToBytes(rawPath, false);
        byte[] query = rawQuery.map(q -> ("?" + q).getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        byte[] out = new byte[path.length + query.length + 1 + body.length];
        System.arraycopy(path, 0, out, 0, path.length);
        System.arraycopy(query, 0, out, path.length, query.length);
        out[path.length + query.length] = '\n';
        System.arraycopy(body, 0, out, path.length + query.length + 1, body.length);
        return out;
    }
}
