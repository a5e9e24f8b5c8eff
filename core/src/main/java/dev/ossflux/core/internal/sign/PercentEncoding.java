package dev.ossflux.core.internal.sign;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** RFC 3986 percent-encoding with upper-case hex, as OSS paths, V4 signing and form bodies need. */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** Encodes every byte except {@code A-Z a-z 0-9 - _ . ~}; {@code /} too when {@code keepSlash} is false. */
    public static String encode(String value, boolean keepSlash) {
        int i = 0;
        while (i < value.length() && isUnreserved(value.charAt(i), keepSlash)) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && isUnreserved(c, keepSlash)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX} escapes (and {@code +} as space when {@code plusIsSpace}); invalid escapes are kept. */
    public static String decode(String value, boolean plusIsSpace) {
        if (value.indexOf('%') < 0 && (!plusIsSpace || value.indexOf('+') < 0)) {
            return value;
        }
        return new String(decodeToBytes(value, plusIsSpace), StandardCharsets.UTF_8);
    }

    /**
     * Decodes {@code %XX} escapes (no {@code +} as space) into UTF-8 text, or returns null when the escaped
     * bytes are not UTF-8 (such as {@code %FF}), which {@link #decode} would turn into U+FFFD.
     */
    public static @Nullable String decodeUtf8(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decodeToBytes(value, false))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The bytes {@code value} stands for: {@code %XX} escapes (ASCII hex digits only, so full-width digits
     * stay text) decoded (and {@code +} as space when
     * {@code plusIsSpace}), invalid escapes kept, other characters as UTF-8. Unlike {@link #decode}
     * this keeps escaped bytes that are not valid UTF-8, as signatures over decoded paths need.
     */
    public static byte[] decodeToBytes(String value, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int high = c == '%' && i + 2 < value.length() ? hexDigit(value.charAt(i + 1)) : -1;
            int low = high >= 0 ? hexDigit(value.charAt(i + 2)) : -1;
            if (low >= 0) {
                out.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
                byte[] utf8 = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i = end - 1;
            }
        }
        return out.toByteArray();
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static boolean isUnreserved(char c, boolean keepSlash) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/');
    }
}
