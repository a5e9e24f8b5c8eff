package dev.ossflux.core.callback;

/** Makes untrusted header text safe to put in an exception message: short, one line, printable ASCII. */
final class Printable {

    private static final int MAX_LENGTH = 120;

    private Printable() {
    }

    static String of(String untrusted) {
        StringBuilder out = new StringBuilder(Math.min(untrusted.length(), MAX_LENGTH) + 3);
        for (int i = 0; i < untrusted.length() && out.length() < MAX_LENGTH; i++) {
            char c = untrusted.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return untrusted.length() > MAX_LENGTH ? out + "..." : out.toString();
    }
}
