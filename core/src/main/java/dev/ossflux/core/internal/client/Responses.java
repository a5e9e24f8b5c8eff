package dev.ossflux.core.internal.client;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.ChecksumMismatchException;
import dev.ossflux.core.ObjectMetadata;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.callback.CallbackReply;
import dev.ossflux.core.Crc64;
import dev.ossflux.core.internal.http.Errors;
import dev.ossflux.core.internal.http.OssResponse;
import dev.ossflux.core.internal.sign.V1Signer;
import dev.ossflux.core.internal.xml.ErrorBody;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Reads upload results and object metadata out of OSS responses, refusing what does not add up. */
final class Responses {

    private static final int CALLBACK_FAILED = 203;

    private Responses() {
    }

    /**
     * The result of an upload whose object CRC-64 must equal {@code expectedCrc}; a 203 becomes a
     * {@link CallbackFailedException} and, with a callback, a 200 body is the callback reply.
     *
     * @param etag the ETag when the response body carries it instead of a header
     */
    static UploadResult upload(OssResponse response, String bucket, String key, long size, long expectedCrc,
            boolean withCallback, @Nullable String etag) {
        long crc = verifiedCrc(response, expectedCrc);
        String tag = response.etag() != null ? response.etag() : etag;
        if (tag == null) {
            throw new ChecksumMismatchException("ETag", "an ETag", "none", response.requestId());
        }
        Optional<CallbackReply> reply = withCallback && response.status() != CALLBACK_FAILED
                ? Optional.of(CallbackReply.of(response.body())) : Optional.empty();
        UploadResult result = new UploadResult(bucket, key, tag, crc, size,
                Optional.ofNullable(response.header("x-oss-version-id")), response.requestId(), reply);
        if (response.status() == CALLBACK_FAILED) {
            ErrorBody error = Errors.errorBody(response);
            String message = error.get("Message");
            throw new CallbackFailedException(result, message == null ? "the upload callback failed" : message,
                    error.get("HostId"), error.get("EC"), Errors.details(error));
        }
        return result;
    }

    /** The server's CRC-64, which must be present and equal {@code expected}. */
    static long verifiedCrc(OssResponse response, long expected) {
        String header = response.header("x-oss-hash-crc64ecma");
        if (header == null) {
            throw new ChecksumMismatchException("CRC-64", Crc64.format(expected), "none", response.requestId());
        }
        long actual;
        try {
            actual = Crc64.parse(header.trim());
        } catch (NumberFormatException e) {
            throw new ChecksumMismatchException("CRC-64", Crc64.format(expected), header, response.requestId());
        }
        if (actual != expected) {
            throw new ChecksumMismatchException("CRC-64", Crc64.format(expected), Crc64.format(actual),
                    response.requestId());
        }
        return actual;
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
                Optional.ofNullable(headers.get("last-modified")).flatMap(Responses::httpDate),
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
