package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.multipart.MultipartOptions;
import org.junit.jupiter.api.Test;

class GrowingPartSizesTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void planFor200GibStaysWellWithinTenThousandParts() {
        GrowingPartSizes sizes = new GrowingPartSizes(MultipartOptions.DEFAULT_PART_SIZE);
        long remaining = 200L << 30;
        int parts = 0;
        while (remaining > 0) {
            parts++;
            long size = sizes.size(parts);
            assertThat(size).isBetween(MultipartOptions.MIN_PART_SIZE, MultipartOptions.MAX_PART_SIZE);
            remaining -= size;
        }
        assertThat(parts).isLessThan(5_000);
        assertThat(sizes.size(parts)).isEqualTo(128 * MIB);
    }

    @Test
    void isDeterministicAndCappedAtFiveGib() {
        GrowingPartSizes sizes = new GrowingPartSizes(8 * MIB);
        assertThat(sizes.size(1)).isEqualTo(8 * MIB);
        assertThat(sizes.size(1000)).isEqualTo(8 * MIB);
        assertThat(sizes.size(1001)).isEqualTo(16 * MIB);
        assertThat(sizes.size(10_000)).isEqualTo(4096 * MIB);
        assertThat(new GrowingPartSizes(1L << 30).size(10_000)).isEqualTo(MultipartOptions.MAX_PART_SIZE);
        assertThat(sizes.capacity(10_000)).isGreaterThan(7L << 40);
    }

    @Test
    void rejectsStartsOutsideOssLimits() {
        assertThatThrownBy(() -> new GrowingPartSizes(MultipartOptions.MIN_PART_SIZE - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partSize");
    }
}
