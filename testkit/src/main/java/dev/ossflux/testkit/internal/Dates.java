package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.sign.V1Signer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** The date forms OSS writes: RFC 1123 in headers, ISO 8601 with milliseconds in XML. */
final class Dates {

    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String http(Instant instant) {
        return V1Signer.HTTP_DATE.format(instant);
    }

    static String iso(Instant instant) {
        return ISO.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses an RFC 1123 date ({@code Mon, 15 Jan 2024 08:30:00 GMT}); null when it is not one. */
    static @Nullable Instant parseHttp(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
