package dev.ossflux.samples.webflux;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * The content type an uploaded object is stored with: the browser's, without parameters, when it is on the
 * allow-list, else {@code application/octet-stream}. A browser may claim {@code text/html} or
 * {@code image/svg+xml}, which served from the bucket's domain would run script.
 */
final class ContentTypes {

    static final String FALLBACK = MediaType.APPLICATION_OCTET_STREAM_VALUE;

    private final Set<String> allowed;

    ContentTypes(List<String> allowed) {
        this.allowed = allowed.stream().map(type -> MediaType.parseMediaType(type.trim()))
                .map(ContentTypes::typeAndSubtype).collect(Collectors.toUnmodifiableSet());
    }

    String of(@Nullable MediaType claimed) {
        if (claimed == null) {
            return FALLBACK;
        }
        String type = typeAndSubtype(claimed);
        return allowed.contains(type) ? type : FALLBACK;
    }

    private static String typeAndSubtype(MediaType type) {
        return (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    }
}
