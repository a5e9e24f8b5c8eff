package dev.ossflux.multipart.internal;

import dev.ossflux.multipart.MultipartOptions;

/**
 * Part sizes for a stream of unknown length: {@code start} bytes for parts 1 to 1,000, then
 * doubling every 1,000 parts up to the 5 GiB OSS allows. With the 8 MiB default, 10,000 parts
 * hold about 8 TiB (1,000 parts reach 7.8 GiB, 2,000 parts 23 GiB, 5,000 parts 248 GiB), so a
 * stream is never capped at {@code start × 10,000}; the memory a stream holds grows with the
 * part size in use, to at most {@code concurrency} parts.
 */
record GrowingPartSizes(long start) {

    static final int PARTS_PER_STEP = 1_000;

    GrowingPartSizes {
        if (start < MultipartOptions.MIN_PART_SIZE || start > MultipartOptions.MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize: must be " + MultipartOptions.MIN_PART_SIZE + " to "
                    + MultipartOptions.MAX_PART_SIZE + " bytes, got " + start);
        }
    }

    /** The size of part {@code partNumber} (1-based). */
    long size(int partNumber) {
        int doublings = (partNumber - 1) / PARTS_PER_STEP;
        if (doublings >= Long.numberOfLeadingZeros(start) - 1) {
            return MultipartOptions.MAX_PART_SIZE;
        }
        return Math.min(MultipartOptions.MAX_PART_SIZE, start << doublings);
    }

    /** The most bytes {@code parts} parts can hold. */
    long capacity(int parts) {
        long total = 0;
        for (int n = 1; n <= parts; n++) {
            total += size(n);
        }
        return total;
    }
}
