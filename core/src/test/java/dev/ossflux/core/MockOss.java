package dev.ossflux.core;

import dev.ossflux.core.auth.CredentialsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import reactor.util.retry.Retry;

/** A MockWebServer on 127.0.0.1 and a client pointed at it, for tests that script exact exchanges. */
final class MockOss implements AutoCloseable {

    static final String BUCKET = "examplebucket";

    final MockWebServer server = new MockWebServer();
    final OssClient client;

    MockOss(OssClient.Builder builder) {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = builder.endpoint("http://127.0.0.1:" + server.getPort()).build();
    }

    MockOss() {
        this(defaults());
    }

    static OssClient.Builder defaults() {
        return OssClient.builder()
                .credentials(CredentialsProvider.of("LTAI-test-id", "test-secret"))
                .region("cn-hangzhou")
                .retry(Retry.backoff(2, Duration.ofMillis(10)))
                .responseTimeout(Duration.ofSeconds(5));
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request arrived within 5 s");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static MockResponse.Builder ok(String etag, long crc64) {
        return new MockResponse.Builder().code(200)
                .setHeader("x-oss-request-id", "5C06A3B67B8B5A3DA422299D")
                .setHeader("ETag", "\"" + etag + "\"")
                .setHeader("x-oss-hash-crc64ecma", Long.toUnsignedString(crc64));
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
