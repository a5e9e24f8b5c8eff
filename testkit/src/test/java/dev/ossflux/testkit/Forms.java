package dev.ossflux.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * PostObject forms as a browser sends them: {@code multipart/form-data}, the fields in order and the
 * {@code file} part last, posted with {@code java.net.http} (independent of the emulator's code).
 */
final class Forms {

    static final String BOUNDARY = "----ossfluxFormBoundary7MA4YWxkTrZu0gW";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, HttpResponse<String> raw) {
        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Forms() {
    }

    /** The form's fields and file part header, up to the first byte of the file. */
    static byte[] head(Map<String, String> fields, String filename, String fileType) {
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(filename).append("\"\r\n")
                .append("Content-Type: ").append(fileType).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] tail() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] body(Map<String, String> fields, String filename, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head(fields, filename, "application/octet-stream"));
        out.writeBytes(file);
        out.writeBytes(tail());
        return out.toByteArray();
    }

    static Response post(String url, Map<String, String> fields, String filename, byte[] file) {
        return send(url, HttpRequest.BodyPublishers.ofByteArray(body(fields, filename, file)), Map.of());
    }

    /** Streams a generated file of {@code size} bytes without holding it (chunked). */
    static Response postStreamed(String url, Map<String, String> fields, Supplier<InputStream> file) {
        Supplier<InputStream> body = () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head(fields, "big.bin", "application/octet-stream")), file.get(),
                new java.io.ByteArrayInputStream(tail()))));
        return send(url, HttpRequest.BodyPublishers.ofInputStream(body), Map.of());
    }

    static Response send(String url, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
