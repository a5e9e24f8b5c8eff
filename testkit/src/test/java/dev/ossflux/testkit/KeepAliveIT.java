package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive connections keep being read. Reactor Netty 1.3 buffers a request that arrives while the
 * previous exchange on its connection is still finishing; if the buffered request is then answered
 * before its end-of-request marker was consumed, nothing asks the connection for more input and the
 * next request hangs until the client gives up (DataDirIT's restarted emulator hit this: a GET served
 * from a blob file finishes late, the SDK's next request got buffered).
 */
class KeepAliveIT {

    private static final String PUBLIC_KEY = "/__ossflux/callback_pub_key.pem";

    @Test
    void servesTheNextRequestAfterABufferedRequestWasAnsweredAtOnce() throws IOException {
        try (OssEmulator oss = OssEmulator.builder().bucket("examplebucket").start();
                Socket socket = new Socket("127.0.0.1", oss.port())) {
            socket.setSoTimeout(10_000);
            // The first request is still being handled (delayed) when the second one arrives on the
            // same connection; the second one (the public key) is answered without any I/O.
            oss.inject(Operation.GET_OBJECT, Fault.delay(Duration.ofMillis(300)));
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((request("/examplebucket/slow.txt") + request(PUBLIC_KEY)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 403");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");

            out.write(request(PUBLIC_KEY).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
        }
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    /** The status line of one response, after reading its headers and Content-Length body. */
    private static String readResponse(InputStream in) throws IOException {
        String status = RawHttp.readLine(in);
        long length = 0;
        for (String line = RawHttp.readLine(in); !line.isEmpty(); line = RawHttp.readLine(in)) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        assertThat(in.readNBytes((int) length)).hasSize((int) length);
        return status;
    }
}
