package dev.ossflux.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The emulator's one CORS rule, as a bucket rule with allowed origins, every upload and read method, any
 * request header, and the upload answer's headers exposed: answers {@code OPTIONS} preflights and adds the
 * {@code Access-Control-*} headers to the answers for an allowed origin.
 */
final class Cors {

    static final String EXPOSED = "ETag, x-oss-request-id, x-oss-hash-crc64ecma, Content-MD5, x-oss-version-id";
    static final String MAX_AGE = "600";
    private static final List<String> METHOD_LIST = List.of("GET", "PUT", "POST", "HEAD", "DELETE");
    static final String METHODS = String.join(", ", METHOD_LIST);

    /** Exact origins ({@code scheme://host[:port]}), or {@code *} for any. */
    private final Set<String> origins;

    Cors(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    boolean allows(@Nullable String origin) {
        return origin != null && (origins.contains("*") || origins.contains(origin));
    }

    /** Adds the CORS headers to the answer when the request comes from an allowed origin. */
    void decorate(Exchange ex) {
        String origin = ex.header("origin");
        if (allows(origin)) {
            ex.response.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin")
                    .header("Access-Control-Allow-Methods", METHODS).header("Access-Control-Expose-Headers", EXPOSED)
                    .header("Access-Control-Max-Age", MAX_AGE);
        }
    }

    /** The answer to a preflight: 200 with the rule's headers, or 403 {@code AccessDenied} as OSS refuses. */
    Mono<Void> preflight(Exchange ex) {
        if (origins.isEmpty()) {
            throw OssError.accessDenied("CORSResponse: CORS is not enabled for this bucket.");
        }
        String origin = ex.header("origin");
        String method = ex.header("access-control-request-method");
        if (!allows(origin) || method == null || !METHOD_LIST.contains(method.trim().toUpperCase(Locale.ROOT))) {
            throw OssError.accessDenied("CORSResponse: This CORS request is not allowed: the origin or the "
                    + "requested method is not covered by the CORS rule.");
        }
        String headers = ex.header("access-control-request-headers");
        if (headers != null && !headers.isBlank()) {
            ex.response.header("Access-Control-Allow-Headers", headers);
        }
        if ("true".equalsIgnoreCase(ex.header("access-control-request-private-network"))) {
            // Chromium's Private Network Access preflight (a public page reaching loopback); OSS has no such case.
            ex.response.header("Access-Control-Allow-Private-Network", "true");
        }
        return Replies.empty(ex, 200);
    }
}
