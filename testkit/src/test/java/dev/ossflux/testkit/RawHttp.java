package dev.ossflux.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading HTTP/1.1 responses byte by byte, for tests that speak to the emulator over a plain socket. */
final class RawHttp {

    private RawHttp() {
    }

    /** The next line, without its CR LF; fails when the connection closes first. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c == -1) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
