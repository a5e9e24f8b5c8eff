package dev.ossflux.core;

import dev.ossflux.core.internal.sign.PercentEncoding;
import dev.ossflux.core.internal.sign.QueryParam;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where requests go: scheme, host and port of the OSS endpoint, and whether the bucket travels
 * in the host name (virtual-hosted style) or in the path (path style).
 */
record Endpoint(String scheme, String host, int port, boolean pathStyle) {

    /**
     * Parses {@code endpoint} ({@code https} when no scheme is given); path style is used when asked
     * or when the host is an IP address or {@code localhost}, where bucket host names cannot resolve.
     */
    static Endpoint parse(String endpoint, @Nullable Boolean pathStyle) {
        String withScheme = endpoint.contains("://") ? endpoint : "https://" + endpoint;
        URI uri = URI.create(withScheme);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("endpoint: must be http or https, got '" + endpoint + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("endpoint: no host in '" + endpoint + "'");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("endpoint: must not have a path, got '" + endpoint + "'");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        boolean literal = host.startsWith("[") || isIpv4(host) || host.equalsIgnoreCase("localhost");
        return new Endpoint(scheme, host, port, pathStyle != null ? pathStyle : literal);
    }

    /** The region in a standard endpoint such as {@code oss-cn-hangzhou.aliyuncs.com}, if any. */
    @Nullable String inferredRegion() {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("oss-") && h.endsWith(".aliyuncs.com")) {
            String region = h.substring(4, h.indexOf('.'));
            return region.endsWith("-internal") ? region.substring(0, region.length() - "-internal".length()) : region;
        }
        if (h.endsWith(".oss.aliyuncs.com")) {
            return h.substring(0, h.indexOf('.'));
        }
        return null;
    }

    /** The {@code Host} header for a request to {@code bucket} (or to the service when null). */
    String hostHeader(@Nullable String bucket) {
        String base = isDefaultPort() ? host : host + ":" + port;
        return bucket == null || pathStyle ? base : bucket + "." + base;
    }

    /** The absolute URL of a request, with the key and the query percent-encoded. */
    String url(@Nullable String bucket, @Nullable String key, List<QueryParam> query) {
        StringBuilder url = new StringBuilder(128).append(scheme).append("://");
        if (bucket != null && !pathStyle) {
            url.append(bucket).append('.');
        }
        url.append(host);
        if (!isDefaultPort()) {
            url.append(':').append(port);
        }
        url.append('/');
        if (bucket != null && pathStyle) {
            url.append(bucket).append('/');
        }
        if (key != null) {
            url.append(PercentEncoding.encode(key, true));
        }
        for (int i = 0; i < query.size(); i++) {
            QueryParam param = query.get(i);
            url.append(i == 0 ? '?' : '&').append(PercentEncoding.encode(param.name(), false));
            if (param.value() != null) {
                url.append('=').append(PercentEncoding.encode(param.value(), false));
            }
        }
        return url.toString();
    }

    private boolean isDefaultPort() {
        return port == (scheme.equals("https") ? 443 : 80);
    }

    private static boolean isIpv4(String host) {
        if (!host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return false;
        }
        try {
            return InetAddress.getByName(host).getAddress().length == 4;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
