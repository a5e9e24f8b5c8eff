package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.sign.PercentEncoding;
import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.testkit.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the bucket, key and operation of a request: {@code Host: <bucket>.<anything>} when the first
 * label of the host names a known bucket, else path style {@code /<bucket>/<key>}.
 */
final class Router {

    static final String PUBLIC_KEY_PATH = "/__ossflux/callback_pub_key.pem";

    private Router() {
    }

    static Target route(String method, String uri, @Nullable String hostHeader, Set<String> buckets) {
        int question = uri.indexOf('?');
        String rawPath = question < 0 ? uri : uri.substring(0, question);
        List<QueryParam> query = question < 0 ? List.of() : parseQuery(uri.substring(question + 1));
        String host = hostName(hostHeader);
        if (rawPath.equals(PUBLIC_KEY_PATH)) {
            return new Target(Operation.GET_CALLBACK_PUBLIC_KEY, null, null, rawPath, query, host);
        }
        String bucket = null;
        String rawKey;
        int dot = host.indexOf('.');
        String firstLabel = dot > 0 ? host.substring(0, dot) : "";
        if (!firstLabel.isEmpty() && buckets.contains(firstLabel) && !isIpv4(host)) {
            bucket = firstLabel;
            rawKey = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        } else {
            String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
            int slash = path.indexOf('/');
            String rawBucket = slash < 0 ? path : path.substring(0, slash);
            rawKey = slash < 0 ? "" : path.substring(slash + 1);
            bucket = rawBucket.isEmpty() ? null : PercentEncoding.decode(rawBucket, false);
        }
        String key = rawKey.isEmpty() ? null : PercentEncoding.decode(rawKey, false);
        Target partial = new Target(Operation.UNSUPPORTED, bucket, key, rawPath, query, host);
        return new Target(operation(method, partial), bucket, key, rawPath, query, host);
    }

    private static Operation operation(String method, Target t) {
        if (t.bucket() == null) {
            return Operation.UNSUPPORTED;
        }
        if (t.key() == null) {
            return method.equals("GET") && t.has("uploads") ? Operation.LIST_MULTIPART_UPLOADS : Operation.UNSUPPORTED;
        }
        boolean upload = t.has("uploadId");
        return switch (method) {
            case "PUT" -> upload && t.has("partNumber") ? Operation.UPLOAD_PART
                    : plainObjectRequest(t) ? Operation.PUT_OBJECT : Operation.UNSUPPORTED;
            case "GET" -> upload ? Operation.LIST_PARTS
                    : plainObjectRequest(t) ? Operation.GET_OBJECT : Operation.UNSUPPORTED;
            case "HEAD" -> plainObjectRequest(t) ? Operation.HEAD_OBJECT : Operation.UNSUPPORTED;
            case "DELETE" -> upload ? Operation.ABORT_MULTIPART_UPLOAD
                    : plainObjectRequest(t) ? Operation.DELETE_OBJECT : Operation.UNSUPPORTED;
            case "POST" -> t.has("uploads") ? Operation.INITIATE_MULTIPART_UPLOAD
                    : upload ? Operation.COMPLETE_MULTIPART_UPLOAD : Operation.UNSUPPORTED;
            default -> Operation.UNSUPPORTED;
        };
    }

    /** No sub-resource that selects another operation (acl, tagging, append, symlink, ...). */
    private static boolean plainObjectRequest(Target t) {
        for (QueryParam param : t.query()) {
            String name = param.name();
            boolean harmless = name.startsWith("response-") || name.startsWith("x-oss-") || name.equals("versionId")
                    || name.equals("OSSAccessKeyId") || name.equals("Expires") || name.equals("Signature")
                    || name.equals("security-token") || name.equals("callback") || name.equals("callback-var")
                    || name.equals("objectMeta");
            if (!harmless) {
                return false;
            }
        }
        return true;
    }

    static List<QueryParam> parseQuery(String rawQuery) {
        List<QueryParam> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentEncoding.decode(eq < 0 ? pair : pair.substring(0, eq), false);
            params.add(eq < 0 ? QueryParam.flag(name)
                    : QueryParam.of(name, PercentEncoding.decode(pair.substring(eq + 1), false)));
        }
        return List.copyOf(params);
    }

    private static String hostName(@Nullable String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) {
            return "";
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(0, close + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    private static boolean isIpv4(String host) {
        return host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
