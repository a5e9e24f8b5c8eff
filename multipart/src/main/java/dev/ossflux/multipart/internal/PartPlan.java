package dev.ossflux.multipart.internal;

import static dev.ossflux.multipart.MultipartOptions.DEFAULT_PART_SIZE;
import static dev.ossflux.multipart.MultipartOptions.MAX_PARTS;
import static dev.ossflux.multipart.MultipartOptions.MAX_PART_SIZE;

import java.util.OptionalLong;

/** How a file of known size is cut: equal parts of {@code partSize}, the last one shorter. */
public record PartPlan(long objectSize, long partSize, int partCount) {

    private static final long MIB = 1024 * 1024;

    /**
     * The plan for {@code objectSize} bytes: {@code requested} when given, else 8 MiB grown (in whole
     * MiB) until the object fits in 10,000 parts.
     *
     * @throws IllegalArgumentException when the object cannot be cut within the OSS limits
     */
    public static PartPlan of(long objectSize, OptionalLong requested) {
        if (objectSize < 0) {
            throw new IllegalArgumentException("size: must not be negative, got " + objectSize);
        }
        long minimum = ceilDiv(objectSize, MAX_PARTS);
        long partSize = requested.isPresent() ? requested.getAsLong()
                : Math.max(DEFAULT_PART_SIZE, ceilDiv(minimum, MIB) * MIB);
        if (partSize > MAX_PART_SIZE || minimum > MAX_PART_SIZE) {
            throw new IllegalArgumentException("size: " + objectSize + " bytes exceed what 10,000 parts of at most "
                    + MAX_PART_SIZE + " bytes can hold");
        }
        long parts = Math.max(1, ceilDiv(objectSize, partSize));
        if (parts > MAX_PARTS) {
            throw new IllegalArgumentException("partSize: " + objectSize + " bytes in parts of " + partSize
                    + " need " + parts + " parts, more than the " + MAX_PARTS + " OSS allows; use a part size of at "
                    + "least " + minimum + " bytes");
        }
        return new PartPlan(objectSize, partSize, (int) parts);
    }

    public long offset(int partNumber) {
        return (partNumber - 1) * partSize;
    }

    public long size(int partNumber) {
        return Math.min(partSize, objectSize - offset(partNumber));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
