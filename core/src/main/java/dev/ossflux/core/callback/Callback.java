package dev.ossflux.core.callback;

import dev.ossflux.core.internal.callback.CallbackTemplate;
import dev.ossflux.core.internal.json.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An upload callback: after OSS stores the object it POSTs the filled-in {@linkplain #body() body}
 * to the {@linkplain #urls() URLs}, and the reply becomes the upload's response.
 *
 * <pre>{@code
 * Callback callback = Callback.builder("https://app.example.com/oss/callback",
 *                 "bucket=${bucket}&object=${object}&uid=${x:uid}")
 *         .variable("x:uid", "42")
 *         .build();
 * }</pre>
 *
 * <p>All rules OSS applies are checked when the callback is built, so a bad callback fails with an
 * {@link IllegalArgumentException} naming the field before anything is sent. Instances are
 * immutable and thread-safe.
 */
public final class Callback {

    /** The largest encoded {@code x-oss-callback} or {@code x-oss-callback-var} OSS accepts. */
    public static final int MAX_ENCODED_LENGTH = 5 * 1024;
    public static final int MAX_URLS = 5;
    private static final Pattern VARIABLE_NAME = Pattern.compile("x:[a-z0-9_-]+");

    private final List<String> urls;
    private final Optional<String> host;
    private final String body;
    private final BodyType bodyType;
    private final boolean sni;
    private final Map<String, String> variables;
    private final String headerValue;
    private final Optional<String> variablesHeaderValue;

    private Callback(Builder builder) {
        this.urls = List.copyOf(builder.urls);
        this.host = Optional.ofNullable(builder.host);
        this.body = builder.body;
        this.bodyType = builder.bodyType;
        this.sni = builder.sni;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(builder.variables));
        validateUrls(urls);
        host.ifPresent(h -> {
            if (h.isBlank() || h.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("callbackHost: must be a host name without spaces, got '" + h + "'");
            }
        });
        if (body.isBlank()) {
            throw new IllegalArgumentException("callbackBody: must not be empty");
        }
        CallbackTemplate.parse(body);
        this.headerValue = encodeParameters();
        this.variablesHeaderValue = variables.isEmpty() ? Optional.empty() : Optional.of(encodeVariables());
    }

    /** Starts a callback to {@code url} (tried first) whose request body is {@code bodyTemplate}. */
    public static Builder builder(String url, String bodyTemplate) {
        return new Builder(url, bodyTemplate);
    }

    /** The callback URLs, tried in order until one answers. */
    public List<String> urls() {
        return urls;
    }

    /** The {@code Host} header OSS sends, when it is not the URL's own host. */
    public Optional<String> host() {
        return host;
    }

    /** The body template, with placeholders such as {@code ${bucket}} or {@code ${x:uid}}. */
    public String body() {
        return body;
    }

    public BodyType bodyType() {
        return bodyType;
    }

    /** Whether OSS sends TLS SNI when calling an {@code https} URL. */
    public boolean sni() {
        return sni;
    }

    /** The custom variables, keyed {@code x:name}, in the order they were added. */
    public Map<String, String> variables() {
        return variables;
    }

    /** The value of the {@code x-oss-callback} header: base64 of the parameter JSON. */
    public String headerValue() {
        return headerValue;
    }

    /** The value of the {@code x-oss-callback-var} header, when there are custom variables. */
    public Optional<String> variablesHeaderValue() {
        return variablesHeaderValue;
    }

    public Builder toBuilder() {
        Builder builder = new Builder(urls.get(0), body);
        urls.stream().skip(1).forEach(builder::url);
        builder.host = host.orElse(null);
        builder.bodyType = bodyType;
        builder.sni = sni;
        builder.variables.putAll(variables);
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Callback that && headerValue.equals(that.headerValue)
                && variablesHeaderValue.equals(that.variablesHeaderValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headerValue, variablesHeaderValue);
    }

    @Override
    public String toString() {
        return "Callback[urls=" + urls + host.map(h -> ", host=" + h).orElse("") + ", body=" + body
                + ", bodyType=" + bodyType + (sni ? ", sni" : "") + ", variables=" + variables.keySet() + "]";
    }

    private String encodeParameters() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("callbackUrl", String.join(";", urls));
        host.ifPresent(h -> json.put("callbackHost", h));
        json.put("callbackBody", body);
        json.put("callbackBodyType", bodyType.mediaType());
        if (sni) {
            json.put("callbackSNI", true);
        }
        return encode(json, "x-oss-callback");
    }

    private String encodeVariables() {
        return encode(variables, "x-oss-callback-var");
    }

    private static String encode(Map<String, ?> json, String what) {
        String encoded = Base64.getEncoder().encodeToString(Json.write(json));
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException(what + ": base64 size " + encoded.length()
                    + " exceeds the OSS limit of " + MAX_ENCODED_LENGTH + " bytes");
        }
        return encoded;
    }

    private static void validateUrls(List<String> urls) {
        if (urls.size() > MAX_URLS) {
            throw new IllegalArgumentException("callbackUrl: at most " + MAX_URLS + " URLs, got " + urls.size());
        }
        for (String url : urls) {
            validateUrl(url);
        }
    }

    private static void validateUrl(String url) {
        if (url.isBlank()) {
            throw new IllegalArgumentException("callbackUrl: must not be blank");
        }
        if (url.contains(";")) {
            throw new IllegalArgumentException("callbackUrl: must not contain ';' (add further URLs with url(..))");
        }
        String withScheme = url.contains("://") ? url : "http://" + url;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("callbackUrl: '" + url + "' is not a valid URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("callbackUrl: '" + url + "' must use http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("callbackUrl: '" + url + "' has no valid host or port");
        }
        if (uri.getHost().startsWith("[")) {
            throw new IllegalArgumentException(
                    "callbackUrl: '" + url + "' uses an IPv6 literal, which OSS cannot call");
        }
    }

    /** How OSS encodes the callback body: form fields or JSON. */
    public enum BodyType {
        /** {@code application/x-www-form-urlencoded}: placeholder values are URL-encoded (the default). */
        FORM("application/x-www-form-urlencoded"),
        /** {@code application/json}: placeholder values are JSON values, so templates leave them unquoted. */
        JSON("application/json");

        private final String mediaType;

        BodyType(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The body type for a {@code callbackBodyType} value. */
        public static BodyType fromMediaType(String mediaType) {
            for (BodyType type : values()) {
                if (type.mediaType.equalsIgnoreCase(mediaType.trim())) {
                    return type;
                }
            }
            throw new IllegalArgumentException("callbackBodyType: must be application/x-www-form-urlencoded or "
                    + "application/json, got '" + mediaType + "'");
        }
    }

    /** Collects the callback's settings; {@link #build()} checks them. */
    public static final class Builder {

        private final List<String> urls = new ArrayList<>();
        private String body;
        private @Nullable String host;
        private BodyType bodyType = BodyType.FORM;
        private boolean sni;
        private final Map<String, String> variables = new LinkedHashMap<>();

        private Builder(String url, String bodyTemplate) {
            url(url);
            this.body = Objects.requireNonNull(bodyTemplate, "callbackBody");
        }

        /** Adds a fallback URL, tried when the ones before it fail (at most five in all). */
        public Builder url(String url) {
            urls.add(Objects.requireNonNull(url, "callbackUrl"));
            return this;
        }

        public Builder body(String bodyTemplate) {
            this.body = Objects.requireNonNull(bodyTemplate, "callbackBody");
            return this;
        }

        /** The {@code Host} header of the callback request; by default the URL's host and port. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "callbackHost");
            return this;
        }

        public Builder bodyType(BodyType bodyType) {
            this.bodyType = Objects.requireNonNull(bodyType, "callbackBodyType");
            return this;
        }

        /** Whether OSS sends TLS SNI to an {@code https} callback URL (default false). */
        public Builder sni(boolean sni) {
            this.sni = sni;
            return this;
        }

        /**
         * Adds a custom variable, referenced in the body as {@code ${x:name}}.
         *
         * @param name {@code x:} followed by lower case letters, digits, {@code _} or {@code -}
         */
        public Builder variable(String name, String value) {
            Objects.requireNonNull(name, "callback variable name");
            Objects.requireNonNull(value, "callback variable value");
            if (!name.startsWith("x:") || name.length() == 2) {
                throw new IllegalArgumentException("callback variable '" + name + "': name must start with 'x:'");
            }
            if (!VARIABLE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("callback variable '" + name + "': name must be 'x:' followed by "
                        + "lower case letters, digits, '_' or '-'");
            }
            variables.put(name, value);
            return this;
        }

        /** Checks every OSS rule and returns the callback. */
        public Callback build() {
            return new Callback(this);
        }
    }
}
