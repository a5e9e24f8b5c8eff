package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Crc64Test {

    @ParameterizedTest
    @CsvSource({
        "'', 0",
        "a, 3675645893302102789",
        "123456789, 11051210869376104954",
        "0123456789, 2838902930144391966",
        "hello world, 5981764153023615706",
        "This is a test of the emergency broadcast system., 2871916124362751090",
        "测试, 6475933357644186913",
    })
    void matchesTheOfficialSdkVectors(String input, String expected) {
        assertThat(Crc64.format(Crc64.of(input.getBytes(StandardCharsets.UTF_8)))).isEqualTo(expected);
    }

    @Test
    void hashesLongInputsThroughTheInterleavedLanes() {
        byte[] as = new byte[102_400];
        Arrays.fill(as, (byte) 'A');
        assertThat(Crc64.format(Crc64.of(as))).isEqualTo("9427277473487083924");
        assertThat(Crc64.format(Crc64.of(mebibyteVector()))).isEqualTo("16028127081582314172");
    }

    @Test
    void laneAndTailPathsAgreeWithTheBitwiseReference() {
        Random random = new Random(42);
        for (int length : new int[] {0, 1, 7, 8, 9, 1_535, 1_536, 8_191, 8_192, 16_384, 16_393, 24_575, 24_576,
                24_581, 32_767, 32_768, 32_769, 49_153, 65_536 + 13, 200_003}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            long expected = bitwise(data);
            assertThat(Crc64.of(data)).as("length %d", length).isEqualTo(expected);
            assertThat(Crc64.update(0, ByteBuffer.wrap(data))).isEqualTo(expected);
            ByteBuffer direct = ByteBuffer.allocateDirect(length).put(data).flip();
            assertThat(Crc64.update(0, direct)).isEqualTo(expected);
            assertThat(direct.position()).isZero();
            assertThat(Crc64.update(0, ByteBuffer.wrap(data).asReadOnlyBuffer())).isEqualTo(expected);
        }
    }

    @Test
    void hashesOnlyTheRemainingBytesOfASlicedBuffer() {
        byte[] data = new byte[40_000];
        new Random(7).nextBytes(data);
        long expected = bitwise(Arrays.copyOfRange(data, 100, 30_100));
        ByteBuffer slice = ByteBuffer.wrap(data, 50, 39_000).slice().position(50).limit(30_050);
        assertThat(Crc64.update(0, slice)).isEqualTo(expected);
        assertThat(Crc64.update(0, slice.asReadOnlyBuffer())).isEqualTo(expected);
        assertThat(Crc64.update(0, data, 100, 30_000)).isEqualTo(expected);
        assertThat(slice.position()).isEqualTo(50);
    }

    @Test
    void continuesFromAFinishedCrc() {
        long first = Crc64.of(ascii("12345"));
        assertThat(Crc64.format(first)).isEqualTo("6748440630437108969");
        assertThat(Crc64.format(Crc64.update(first, ascii("6789")))).isEqualTo("11051210869376104954");
    }

    @Test
    void combinesPartCrcsIntoTheObjectCrc() {
        assertThat(Crc64.format(Crc64.combine(Crc64.of(ascii("12345")), Crc64.of(ascii("6789")), 4)))
                .isEqualTo("11051210869376104954");
        byte[] whole = mebibyteVector();
        long p1 = Crc64.update(0, whole, 0, 409_600);
        long p2 = Crc64.update(0, whole, 409_600, 409_600);
        long p3 = Crc64.update(0, whole, 819_200, 229_376);
        assertThat(Crc64.format(p1)).isEqualTo("9007467469431161291");
        assertThat(Crc64.format(p2)).isEqualTo("10138628296368131414");
        assertThat(Crc64.format(p3)).isEqualTo("8917925058724676372");
        long folded = Crc64.combine(Crc64.combine(Crc64.combine(0, p1, 409_600), p2, 409_600), p3, 229_376);
        assertThat(Crc64.format(folded)).isEqualTo("16028127081582314172");
    }

    @Test
    void continuesOverSeveralBuffersInOrderWithoutMovingThem() {
        ByteBuffer first = ByteBuffer.wrap(ascii("xx12345")).position(2);
        ByteBuffer second = ByteBuffer.allocateDirect(4).put(ascii("6789")).flip();
        assertThat(Crc64.format(Crc64.update(0, first, ByteBuffer.allocate(0), second)))
                .isEqualTo("11051210869376104954");
        assertThat(first.position()).isEqualTo(2);
        assertThat(second.position()).isZero();
        assertThat(Crc64.update(7, new ByteBuffer[0])).isEqualTo(7);
    }

    @Test
    void combineWithAnEmptySecondPartKeepsTheFirst() {
        long crc = Crc64.parse("11051210869376104954");
        assertThat(Crc64.combine(crc, 0, 0)).isEqualTo(crc);
        assertThatThrownBy(() -> Crc64.combine(crc, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lengthB");
    }

    @Test
    void printsAndParsesTheUnsignedDecimalForm() {
        assertThat(Crc64.parse("18446744073709551615")).isEqualTo(-1L);
        assertThat(Crc64.format(-7395533204333446662L)).isEqualTo("11051210869376104954");
    }

    static byte[] mebibyteVector() {
        byte[] data = new byte[1 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        return data;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static long bitwise(byte[] data) {
        long crc = ~0L;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ Crc64.POLY : crc >>> 1;
            }
        }
        return ~crc;
    }
}
