package dev.ossflux.core.callback;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The public key URLs a verifier may fetch: by default only the documented OSS key URL
 * ({@value #OSS_KEY_URL}), or else those starting with a configured prefix followed only by a plain path.
 * Keys travel over HTTPS: an {@code http://} URL is fetched as {@code https://}, except under an
 * {@code http://} prefix of a loopback host (an emulator in tests). A URL is checked before anything is
 * sent, so an untrusted one is never requested.
 */
final class TrustedKeyUrls {

    static final String OSS_KEY_URL = "https://gosspublic.alicdn.com/callback_pub_key_v1.pem";
    static final TrustedKeyUrls OSS = new TrustedKeyUrls(List.of(OSS_KEY_URL), List.of());

    private static final String HTTP = "http://";
    private static final String HTTPS = "https://";

    private final List<String> urls;
    private final List<String> prefixes;

    private TrustedKeyUrls(List<String> urls, List<String> prefixes) {
        this.urls = urls;
        this.prefixes = prefixes;
    }

    /**
     * Trusts URLs under {@code prefixes}.
     *
     * @throws IllegalArgumentException when there is none, or one is not an https URL of a host and a path
     *     ending in '/' (http only for a loopback host)
     */
    static TrustedKeyUrls underPrefixes(List<String> prefixes) {
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("trustedKeyUrlPrefixes: at least one prefix is required");
        }
        prefixes.forEach(TrustedKeyUrls::validatePrefix);
        return new TrustedKeyUrls(List.of(), List.copyOf(prefixes));
    }

    /** What is trusted, for descriptions. */
    List<String> trusted() {
        return urls.isEmpty() ? prefixes : urls;
    }

    /**
     * Returns the URL to fetch for {@code url}: its {@code https://} form, unless it lies under a loopback
     * {@code http://} prefix. It must be a trusted URL, or start with a trusted prefix and continue with a path
     * of letters, digits, {@code - . _ ~ /} without empty, {@code .} or {@code ..} segments; otherwise fails
     * with {@link Reason#UNTRUSTED_PUBLIC_KEY_URL}.
     */
    String check(String url) {
        String secure = url.startsWith(HTTP) ? HTTPS + url.substring(HTTP.length()) : url;
        if (urls.contains(secure)) {
            return secure;
        }
        for (String prefix : prefixes) {
            String candidate = prefix.startsWith(HTTP) ? url : secure;
            if (candidate.startsWith(prefix) && isPlainPath(candidate.substring(prefix.length() - 1))) {
                return candidate;
            }
        }
        throw new CallbackVerificationException(Reason.UNTRUSTED_PUBLIC_KEY_URL, "public key URL '"
                + Printable.of(url) + "' is not trusted " + trusted());
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
        boolean valid = (scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost())))
                && prefix.startsWith(scheme + "://") && uri.getHost() != null
                && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                && prefix.endsWith("/") && isPlainPath(uri.getRawPath());
        if (!valid) {
            throw new IllegalArgumentException("trustedKeyUrlPrefix: '" + prefix + "' must be an https URL of a"
                    + " host and a path ending in '/', e.g. https://gosspublic.alicdn.com/ (http only for a loopback"
                    + " host, such as an emulator's http://127.0.0.1:PORT/)");
        }
    }

    private static boolean isLoopback(@Nullable String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
