package dev.ossflux.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming form parser fed in pieces of every size, boundaries split anywhere, and its caps. */
class FormParserTest {

    private static final String BOUNDARY = "XyZboundary42";

    private static byte[] form(byte[] file, String... fieldsAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("preamble to ignore\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fieldsAndValues[i]
                    + "\"\r\n\r\n" + fieldsAndValues[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; "
                + "name=\"after\"\r\n\r\nignored\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Feeds {@code body} in pieces of {@code piece} bytes; returns the fields seen and the file bytes. */
    private static byte[] parse(byte[] body, int piece, List<Map<String, String>> fieldsSeen,
            List<FormParser.FilePart> files) {
        FormParser parser = new FormParser(BOUNDARY, 1024, 4096, (fields, file) -> {
            fieldsSeen.add(fields);
            files.add(file);
        });
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += piece) {
            ByteBuf chunk = Unpooled.wrappedBuffer(body, at, Math.min(piece, body.length - at));
            ByteBuf data = parser.feed(chunk);
            chunk.release();
            if (data != null) {
                file.writeBytes(ByteBufUtil.getBytes(data));
                data.release();
            }
        }
        parser.finish();
        assertThat(parser.complete()).isTrue();
        return file.toByteArray();
    }

    @Test
    void readsFieldsAndStreamsTheFileWhereverTheChunksSplitIt() {
        byte[] file = new byte[3000];
        new Random(7).nextBytes(file);
        // bytes that look like the start of a delimiter, inside the file
        byte[] lookalike = ("\r\n--" + BOUNDARY.substring(0, 6)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(lookalike, 0, file, 100, lookalike.length);
        System.arraycopy("\r\n-".getBytes(StandardCharsets.US_ASCII), 0, file, file.length - 3, 3);
        byte[] body = form(file, "key", "uploads/${filename}", "x:uid", "é 42", "policy", "");
        for (int piece : new int[] {1, 2, 3, 7, 16, 17, 64, 1000, body.length}) {
            List<Map<String, String>> fields = new ArrayList<>();
            List<FormParser.FilePart> files = new ArrayList<>();
            assertThat(parse(body, piece, fields, files)).as("pieces of %d", piece).isEqualTo(file);
            assertThat(fields).containsExactly(Map.of("key", "uploads/${filename}", "x:uid", "é 42", "policy", ""));
            assertThat(files).containsExactly(new FormParser.FilePart("a.bin", "image/png"));
        }
    }

    @Test
    void capsEachFieldAndAllFieldsTogether() {
        byte[] oneTooBig = form(new byte[1], "policy", "p".repeat(1025));
        assertThatThrownBy(() -> parse(oneTooBig, 100, new ArrayList<>(), new ArrayList<>()))
                .isInstanceOf(OssError.class).hasMessageContaining("too large")
                .satisfies(e -> assertThat(((OssError) e).closesConnection()).isTrue());
        String[] many = new String[10];
        for (int i = 0; i < many.length; i += 2) {
            many[i] = "x:f" + i;
            many[i + 1] = "v".repeat(1000);
        }
        byte[] allTooBig = form(new byte[1], many);
        assertThatThrownBy(() -> parse(allTooBig, 100, new ArrayList<>(), new ArrayList<>()))
                .isInstanceOf(OssError.class).hasMessageContaining("too large");
    }

    @Test
    void refusesABodyWithoutAFileARepeatedFieldOrAnUnendedFile() {
        byte[] noFile = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--"
                + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parse(noFile, 5, new ArrayList<>(), new ArrayList<>()))
                .isInstanceOf(OssError.class).hasMessageContaining("no 'file' field");
        byte[] repeated = form(new byte[1], "key", "a", "KEY", "b");
        assertThatThrownBy(() -> parse(repeated, 5, new ArrayList<>(), new ArrayList<>()))
                .isInstanceOf(OssError.class).hasMessageContaining("more than once");
        byte[] whole = form(new byte[10]);
        int fileEnd = new String(whole, StandardCharsets.ISO_8859_1).indexOf("\r\n--" + BOUNDARY + "--");
        byte[] cut = java.util.Arrays.copyOf(whole, fileEnd + 5);
        assertThatThrownBy(() -> parse(cut, 5, new ArrayList<>(), new ArrayList<>()))
                .isInstanceOf(OssError.class).hasMessageContaining("ended inside the file part");
        assertThat(FormParser.boundary("multipart/form-data; boundary=\"q\"")).isEqualTo("q");
        assertThat(FormParser.boundary("application/x-www-form-urlencoded")).isNull();
    }
}
