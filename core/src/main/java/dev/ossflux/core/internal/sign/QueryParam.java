package dev.ossflux.core.internal.sign;

import org.jspecify.annotations.Nullable;

/**
 * One decoded query parameter; {@code value} is null when the parameter was sent without {@code =}
 * (as in {@code ?uploads}).
 */
public record QueryParam(String name, @Nullable String value) {

    public static QueryParam flag(String name) {
        return new QueryParam(name, null);
    }

    public static QueryParam of(String name, String value) {
        return new QueryParam(name, value);
    }
}
