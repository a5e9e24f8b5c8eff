package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class Crc64Properties {

    @Property(tries = 300)
    void combiningTheCrcsOfTwoPiecesGivesTheCrcOfTheWhole(@ForAll @Size(max = 70_000) byte[] data,
            @ForAll @IntRange(min = 0, max = 70_000) int cut) {
        int split = Math.min(cut, data.length);
        long first = Crc64.update(0, data, 0, split);
        long second = Crc64.update(0, data, split, data.length - split);
        assertThat(Crc64.combine(first, second, data.length - split)).isEqualTo(Crc64.of(data));
        assertThat(Crc64.update(first, data, split, data.length - split)).isEqualTo(Crc64.of(data));
    }

    @Property(tries = 100)
    void foldingAnyNumberOfPartsInOrderGivesTheObjectCrc(@ForAll @Size(min = 1, max = 20) int[] sizes) {
        int total = Arrays.stream(sizes).map(size -> Math.floorMod(size, 5000)).sum();
        byte[] data = new byte[total];
        for (int i = 0; i < total; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        long folded = 0;
        int offset = 0;
        for (int size : sizes) {
            int length = Math.floorMod(size, 5000);
            folded = Crc64.combine(folded, Crc64.update(0, data, offset, length), length);
            offset += length;
        }
        assertThat(folded).isEqualTo(Crc64.of(data));
    }
}
