package dev.ossflux.core.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackStringToSignTest {

    @Test
    void matchesTheDigestOfTheProtocolVector() throws NoSuchAlgorithmException {
        byte[] body = ("bucket=examplebucket&object=exampledir%2Fexampleobject.txt"
                + "&etag=781E5E245D69B566979B86E28D23F2C7&size=10&mimeType=text%2Fplain&crc64=2838902930144391966&uid=42").getBytes(StandardCharsets.UTF_8);
        byte[] stringToSign = CallbackStringToSign.of("/oss/cb", Optional.of("src=oss"), body);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(stringToSign)))
                .isEqualTo("a77112b00371d6bcf63c3bcff80668ba");
    }

    @Test
    void decodesThePathToItsExactBytesAndLeavesPlusAndTheQueryAlone() {
        byte[] stringToSign = CallbackStringToSign.of("/a+b%20c/%FF%e4%bd%a0", Optional.of("x=a+b%20"),
                new byte[] {1, 2});
        byte[] expected = concat("/a+b c/".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
                "你?x=a+b%20\n".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2});
        assertThat(stringToSign).isEqualTo(expected);
    }

    @Test
    void leavesAPercentBeforeFullWidthDigitsAsText() {
        assertThat(CallbackStringToSign.of("/cb%ＦＦ", Optional.empty(), new byte[0]))
                .isEqualTo("/cb%ＦＦ\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void addsNoQuestionMarkWithoutAQuery() {
        assertThat(new String(CallbackStringToSign.of("/cb", Optional.empty(), new byte[0]), StandardCharsets.UTF_8))
                .isEqualTo("/cb\n");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
