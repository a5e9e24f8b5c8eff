package dev.ossflux.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A signed URL and the headers its user must send with it (they are part of the signature), e.g.
 * {@code curl -X PUT -H "Content-Type: image/jpeg" -T photo.jpg "$url"}.
 *
 * @param method {@code PUT} or {@code GET}
 * @param headers headers to send exactly as given ({@code Content-Type}, {@code x-oss-meta-*})
 * @param expiration when OSS stops accepting the URL
 */
public record PresignedRequest(String method, String url, Map<String, String> headers, Instant expiration) {

    public PresignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(expiration, "expiration");
    }

    /** The method, host and path, never the query, which carries the signature and any STS token. */
    @Override
    public String toString() {
        int query = url.indexOf('?');
        return "PresignedRequest[" + method + " " + (query < 0 ? url : url.substring(0, query)) + ", headers="
                + headers.keySet() + ", expiration=" + expiration + "]";
    }
}
