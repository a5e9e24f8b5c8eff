package dev.ossflux.samples.webflux;

import org.jspecify.annotations.Nullable;

/** Text from outside (callback bodies, object names, OSS messages) made safe for one log line. */
final class LogText {

    private LogText() {
    }

    /**
     * {@code text} with CR, LF and every other control character written as an escape ({@code \r}, {@code \n},
     * {@code \u001b}), so that nobody can forge a log line through it.
     */
    static String escape(@Nullable String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
