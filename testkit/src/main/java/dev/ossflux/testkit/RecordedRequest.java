package dev.ossflux.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One request the emulator answered, as {@link OssEmulator#takeRequest(java.time.Duration)} returns it.
 *
 * @param sequence 1 for the first request the emulator received, counting up
 * @param path the request path as sent, still percent-encoded
 * @param query the decoded query parameters in request order; a parameter sent without {@code =} maps to {@code ""}
 * @param headers the request headers by lower-case name
 * @param bodySize the request body bytes the emulator read
 * @param status the HTTP status answered, or 0 when no answer reached the client (connection reset, response lost)
 * @param errorCode the OSS error code answered, if any
 * @param arrivedAt when the request headers arrived
 * @param completedAt when the response was sent; requests overlap when one arrives before another completes
 */
public record RecordedRequest(
        long sequence, Operation operation, String method, String path, Map<String, String> query,
        Map<String, List<String>> headers, Optional<String> bucket, Optional<String> key, long bodySize,
        OptionalInt partNumber, Optional<String> uploadId, int status, Optional<String> errorCode, String requestId,
        Instant arrivedAt, Instant completedAt) {

    public RecordedRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a request header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether this request was being handled while {@code other} was. */
    public boolean overlaps(RecordedRequest other) {
        return arrivedAt.isBefore(other.completedAt) && other.arrivedAt.isBefore(completedAt);
    }
}
