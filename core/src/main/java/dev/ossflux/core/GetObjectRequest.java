package dev.ossflux.core;

import dev.ossflux.core.internal.Names;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An object to read, whole or one byte range.
 *
 * @param range the bytes to read; empty for the whole object
 */
public record GetObjectRequest(String bucket, String key, Optional<ByteRange> range) {

    public GetObjectRequest {
        Names.requireBucket(bucket);
        Names.requireKey(key);
        Objects.requireNonNull(range, "range");
    }

    public static GetObjectRequest of(String bucket, String key) {
        return new GetObjectRequest(bucket, key, Optional.empty());
    }

    /** This request limited to bytes {@code first} to {@code last}, both inclusive. */
    public GetObjectRequest withRange(long first, long last) {
        return new GetObjectRequest(bucket, key, Optional.of(new ByteRange(first, OptionalLong.of(last))));
    }

    /** This request limited to the bytes from {@code first} to the end. */
    public GetObjectRequest from(long first) {
        return new GetObjectRequest(bucket, key, Optional.of(new ByteRange(first, OptionalLong.empty())));
    }

    /** An inclusive byte range, as in {@code Range: bytes=first-last}. */
    public record ByteRange(long first, OptionalLong last) {
        public ByteRange {
            if (first < 0) {
                throw new IllegalArgumentException("range: first must not be negative, got " + first);
            }
            Objects.requireNonNull(last, "last");
            if (last.isPresent() && last.getAsLong() < first) {
                throw new IllegalArgumentException("range: last " + last.getAsLong() + " is before first " + first);
            }
        }

        public String headerValue() {
            return "bytes=" + first + "-" + (last.isPresent() ? Long.toString(last.getAsLong()) : "");
        }
    }
}
