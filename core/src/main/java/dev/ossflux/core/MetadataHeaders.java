package dev.ossflux.core;

import dev.ossflux.core.internal.sign.V1Signer;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads an object's metadata out of the headers of a GetObject or HeadObject response. */
final class MetadataHeaders {

    private MetadataHeaders() {
    }

    static ObjectMetadata metadata(HttpHeaders headers) {
        Map<String, String> user = new HashMap<>();
        headers.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-oss-meta-")) {
                user.put(name.substring("x-oss-meta-".length()), header.getValue());
            }
        });
        String crc = headers.get("x-oss-hash-crc64ecma");
        String etag = OssResponse.unquote(headers.get("etag"));
        String requestId = headers.get("x-oss-request-id");
        return new ObjectMetadata(
                contentLength(headers),
                Optional.ofNullable(headers.get("content-type")).orElse("application/octet-stream"),
                etag == null ? "" : etag,
                crc == null ? OptionalLong.empty() : OptionalLong.of(Crc64.parse(crc.trim())),
                Optional.ofNullable(headers.get("last-modified")).flatMap(MetadataHeaders::httpDate),
                Optional.ofNullable(headers.get("x-oss-object-type")),
                Optional.ofNullable(headers.get("x-oss-storage-class")),
                Optional.ofNullable(headers.get("x-oss-version-id")),
                user,
                requestId == null ? "" : requestId);
    }

    private static long contentLength(HttpHeaders headers) {
        String length = headers.get("content-length");
        return length == null ? 0 : Long.parseLong(length.trim());
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, V1Signer.HTTP_DATE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
