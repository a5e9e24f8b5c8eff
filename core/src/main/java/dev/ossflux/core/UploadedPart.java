package dev.ossflux.core;

import java.util.Objects;

/**
 * A part OSS has confirmed.
 *
 * @param partNumber 1 to 10,000
 * @param etag the part's ETag without quotes
 * @param size the part's size in bytes
 * @param crc64 the part's CRC-64
 */
public record UploadedPart(int partNumber, String etag, long size, long crc64) {

    public static final int MAX_PART_NUMBER = 10_000;

    public UploadedPart {
        if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
            throw new IllegalArgumentException("partNumber: must be 1 to " + MAX_PART_NUMBER + ", got " + partNumber);
        }
        Objects.requireNonNull(etag, "etag");
        if (size < 0) {
            throw new IllegalArgumentException("size: must not be negative, got " + size);
        }
    }
}
