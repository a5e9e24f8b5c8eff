package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.sign.PercentEncoding;
import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.testkit.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the bucket, key and operation of a request: virtual-hosted {@code Host: <bucket>.<served host>},
 * else path style {@code /<bucket>/<key>}. Served hosts are loopback addresses, {@code localhost} and the
 * configured host names; a request to any other {@code Host} is refused (no DNS rebinding).
 */
final class Router {

    static final String PUBLIC_KEY_PATH = "/__ossflux/callback_pub_key.pem";
    private static final Pattern BUCKET_LABEL = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private Router() {
    }

    static Target route(String method, String uri, @Nullable String hostHeader, Set<String> hostNames) {
        int question = uri.indexOf('?');
        String rawPath = question < 0 ? uri : uri.substring(0, question);
        List<QueryParam> query = question < 0 ? List.of() : parseQuery(uri.substring(question + 1));
        String host = hostName(hostHeader);
        if (rawPath.equals(PUBLIC_KEY_PATH)) {
            return new Target(Operation.GET_CALLBACK_PUBLIC_KEY, null, null, rawPath, query, host);
        }
        String bucket;
        String rawKey;
        String virtualBucket = virtualBucket(host, hostNames);
        if (virtualBucket != null) {
            bucket = virtualBucket;
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

    /**
     * Refuses what signer and emulator could read apart: escapes whose bytes are not UTF-8 (such as
     * {@code %FF}, which would decode to U+FFFD), and a query parameter sent twice (a signature may cover one
     * value while a handler acts on the other).
     */
    static void requireWellFormed(String uri, Target target) {
        int question = uri.indexOf('?');
        if (PercentEncoding.decodeUtf8(question < 0 ? uri : uri.substring(0, question)) == null) {
            throw new OssError(400, "InvalidObjectName", "The request path is not UTF-8 once its %-escapes are "
                    + "decoded.").field("ObjectName", target.rawPath()).ec("0016-00000005");
        }
        if (question >= 0 && PercentEncoding.decodeUtf8(uri.substring(question + 1)) == null) {
            throw OssError.invalidArgument("The query is not UTF-8 once its %-escapes are decoded.");
        }
        Set<String> names = new HashSet<>();
        for (QueryParam param : target.query()) {
            if (!names.add(param.name())) {
                throw OssError.invalidArgument("The query parameter '" + param.name() + "' is given more than once.")
                        .field("ArgumentName", param.name());
            }
        }
    }

    private static Operation operation(String method, Target t) {
        if (t.bucket() == null) {
            return Operation.UNSUPPORTED;
        }
        if (method.equals("OPTIONS")) {
            return Operation.OPTION_OBJECT;
        }
        if (t.key() == null) {
            if (method.equals("POST") && t.query().isEmpty()) {
                return Operation.POST_OBJECT;
            }
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

    /** Whether requests to {@code host} (lower case, without port) are served. */
    static boolean servesHost(String host, Set<String> hostNames) {
        return isServedName(host, hostNames) || virtualBucket(host, hostNames) != null;
    }

    /** The bucket of a virtual-hosted {@code <bucket>.<served host>}; null for any other host. */
    private static @Nullable String virtualBucket(String host, Set<String> hostNames) {
        int dot = host.indexOf('.');
        if (dot <= 0 || isServedName(host, hostNames) || !isServedName(host.substring(dot + 1), hostNames)) {
            return null;
        }
        String label = host.substring(0, dot);
        return BUCKET_LABEL.matcher(label).matches() ? label : null;
    }

    private static boolean isServedName(String host, Set<String> hostNames) {
        return host.equals("localhost") || host.equals("[::1]") || LOOPBACK_IPV4.matcher(host).matches()
                || hostNames.contains(host);
    }
}
