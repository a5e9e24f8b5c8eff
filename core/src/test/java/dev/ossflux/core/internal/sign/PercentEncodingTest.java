package dev.ossflux.core.internal.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void decodesOnlyAsciiHexDigitsSoFullWidthDigitsStayText() {
        assertThat(PercentEncoding.decodeToBytes("%Ff%ＦＦ%１２", false))
                .isEqualTo(concat(new byte[] {(byte) 0xFF}, "%ＦＦ%１２".getBytes(StandardCharsets.UTF_8)));
        assertThat(PercentEncoding.decode("a%2Fb%G1%", false)).isEqualTo("a/b%G1%");
    }

    @Test
    void decodesUtf8StrictlyAndRefusesBytesThatAreNotUtf8() {
        assertThat(PercentEncoding.decodeUtf8("dir/%E6%B5%8B%20x+y")).isEqualTo("dir/测 x+y");
        assertThat(PercentEncoding.decodeUtf8("a%FF")).isNull();
        assertThat(PercentEncoding.decodeUtf8("a%C3")).isNull();
        assertThat(PercentEncoding.decode("a%FF", false)).isEqualTo("a\uFFFD");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
