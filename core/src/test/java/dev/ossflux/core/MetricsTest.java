package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.callback.Callback;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class MetricsTest {

    private static final long CRC = Long.parseUnsignedLong("2838902930144391966");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MockOss oss = new MockOss(MockOss.defaults().metrics(registry).maxBytesInFlight(1 << 20));

    @AfterEach
    void close() {
        oss.close();
    }

    @Test
    void countsRequestsBytesRetriesAndCallbackFailures() {
        oss.enqueue(new MockResponse.Builder().code(503).build());
        oss.enqueue(MockOss.ok("E", CRC).build());
        oss.enqueue(MockOss.ok("E", CRC).code(203).body("<Error><Code>CallbackFailed</Code></Error>").build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, "a"), UploadBody.fromString(
                        "0123456789")))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
        PutObjectRequest withCallback = PutObjectRequest.builder(MockOss.BUCKET, "b")
                .callback(Callback.builder("http://app.example.com/cb", "object=${object}").build()).build();
        StepVerifier.create(oss.client.putObject(withCallback, UploadBody.fromString("0123456789")))
                .expectError(CallbackFailedException.class).verify(Duration.ofSeconds(5));

        assertThat(registry.get("ossflux.requests").tags("operation", "PutObject", "outcome", "server_error",
                "status", "503").timer().count()).isEqualTo(1);
        assertThat(registry.get("ossflux.requests").tags("operation", "PutObject", "outcome", "success")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("ossflux.retries").tag("operation", "PutObject").counter().count()).isEqualTo(1);
        assertThat(registry.get("ossflux.callback.failures").counter().count()).isEqualTo(1);
        assertThat(registry.get("ossflux.bytes.sent").tag("operation", "PutObject").counter().count())
                .as("bytes of the two attempts that got a response").isEqualTo(20);
        assertThat(registry.get("ossflux.inflight.bytes").gauge().value()).isZero();
        assertThat(registry.get("ossflux.inflight.requests").gauge().value()).isZero();
    }

    @Test
    void recordsIoErrors() {
        oss.enqueue(new MockResponse.Builder().onRequestStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
        oss.enqueue(MockOss.ok("E", CRC).build());
        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, "a"), UploadBody.fromString(
                        "0123456789")))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
        assertThat(registry.get("ossflux.requests").tags("outcome", "io_error").timer().count()).isEqualTo(1);
    }
}
