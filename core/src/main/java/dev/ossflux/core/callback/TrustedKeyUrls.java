package dev.ossflux.core.callback;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The public key URLs a verifier may fetch: those starting with a trusted prefix, followed only by
 * a plain path. A URL is checked before anything is sent, so an untrusted one is never requested.
 */
final class TrustedKeyUrls {

    static final List<String> OSS_PREFIXES = List.of("https://gosspublic.alicdn.com/", "http://gosspublic.alicdn.com/");

    private final List<String> prefixes;

    TrustedKeyUrls(List<String> prefixes) {
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("trustedKeyUrlPrefixes: at least one prefix is required");
        }
        prefixes.forEach(TrustedKeyUrls::validatePrefix);
        this.prefixes = List.copyOf(prefixes);
    }

    List<String> prefixes() {
        return prefixes;
    }

    /**
     * Returns {@code url} when it starts with a trusted prefix and the rest is a path of letters,
     * digits, {@code - . _ ~ /} without empty, {@code .} or {@code ..} segments; otherwise fails
     * with {@link Reason#UNTRUSTED_PUBLIC_KEY_URL}.
     */
    String check(String url) {
        for (String prefix : prefixes) {
            if (url.startsWith(prefix) && isPlainPath(url.substring(prefix.length() - 1))) {
                return url;
            }
        }
        throw new CallbackVerificationException(Reason.UNTRUSTED_PUBLIC_KEY_URL, "public key URL '"
                + Printable.of(url) + "' is not under a trusted prefix " + prefixes);
    }

    /** Whether {@code path} starts with '/' and has only plain characters and no empty, '.' or '..' segment. */
    private static boolean isPlainPath(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
            if (!plain) {
                return false;
            }
        }
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            boolean empty = segments[i].isEmpty() && i < segments.length - 1;
            if (empty || segments[i].equals(".") || segments[i].equals("..")) {
                return false;
            }
        }
        return path.startsWith("/");
    }

    private static void validatePrefix(String prefix) {
        Objects.requireNonNull(prefix, "trustedKeyUrlPrefix");
        URI uri;
        try {
            uri = new URI(prefix);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("trustedKeyUrlPrefix: '" + prefix + "' is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean valid = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                && prefix.endsWith("/") && isPlainPath(uri.getRawPath());
        if (!valid) {
            throw new IllegalArgumentException("trustedKeyUrlPrefix: '" + prefix + "' must be an http(s) URL of a"
                    + " host and a path ending in '/', e.g. https://gosspublic.alicdn.com/");
        }
    }
}
