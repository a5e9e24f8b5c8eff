package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.sign.V1Signer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * An upload carrying a callback is never resent blindly once its whole body went out: OSS may have
 * stored the object and called back. The client asks OSS (HeadObject) and resends only when OSS holds
 * no such object.
 */
class CallbackRetryTest {

    private static final String KEY = "photos/cat.png";
    private static final String BODY = "0123456789";
    private static final String ETAG = "781E5E245D69B566979B86E28D23F2C7";
    private static final long CRC = Long.parseUnsignedLong("2838902930144391966");
    private static final Callback CALLBACK = Callback.builder("http://app.example.com/cb", "object=${object}").build();

    private final MockOss oss = new MockOss();

    @AfterEach
    void close() {
        oss.close();
    }

    private Mono<UploadResult> upload() {
        return oss.client.putObject(PutObjectRequest.builder(MockOss.BUCKET, KEY).callback(CALLBACK).build(),
                UploadBody.fromString(BODY));
    }

    private static MockResponse lostAfterTheBody() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    private static MockResponse head(long size, long crc, Instant lastModified) {
        return MockOss.ok(ETAG, crc).setHeader("Content-Length", Long.toString(size))
                .setHeader("Last-Modified", V1Signer.HTTP_DATE.format(lastModified.atZone(ZoneOffset.UTC))).build();
    }

    private static MockResponse reply() {
        return MockOss.ok(ETAG, CRC).setHeader("Content-Type", "application/json").body("{\"Status\":\"OK\"}")
                .build();
    }

    @Test
    void reportsAnUnknownCallbackOutcomeInsteadOfResendingWhenOssStoredTheObject() {
        oss.enqueue(lostAfterTheBody());
        oss.enqueue(head(BODY.length(), CRC, Instant.now()));

        StepVerifier.create(upload())
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(CallbackOutcomeUnknownException.class, unknown -> {
                            UploadResult stored = unknown.result().orElseThrow();
                            assertThat(stored.etag()).isEqualTo(ETAG);
                            assertThat(stored.crc64()).isEqualTo(CRC);
                            assertThat(stored.size()).isEqualTo(BODY.length());
                            assertThat(stored.callbackReply()).isEmpty();
                            assertThat(unknown.getCause()).isNotNull();
                        }))
                .verify(Duration.ofSeconds(10));
        assertThat(oss.take().getMethod()).isEqualTo("PUT");
        assertThat(oss.take().getMethod()).isEqualTo("HEAD");
        assertThat(oss.server.getRequestCount()).as("the upload was sent once").isEqualTo(2);
    }

    @Test
    void resendsWhenOssHoldsNoObject() {
        oss.enqueue(lostAfterTheBody());
        oss.enqueue(new MockResponse.Builder().code(404).build());
        oss.enqueue(reply());

        StepVerifier.create(upload())
                .assertNext(result -> assertThat(result.callbackReply().orElseThrow().text())
                        .isEqualTo("{\"Status\":\"OK\"}"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(List.of(oss.take().getMethod(), oss.take().getMethod(), oss.take().getMethod()))
                .containsExactly("PUT", "HEAD", "PUT");
    }

    @Test
    void resendsWhenTheObjectOssHoldsIsAnOlderOneWithTheSameBytes() {
        oss.enqueue(lostAfterTheBody());
        oss.enqueue(head(BODY.length(), CRC, Instant.now().minus(Duration.ofHours(1))));
        oss.enqueue(reply());

        StepVerifier.create(upload())
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(oss.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void resendsWhenTheObjectOssHoldsHasOtherBytes() {
        oss.enqueue(lostAfterTheBody());
        oss.enqueue(head(BODY.length(), 42, Instant.now()));
        oss.enqueue(reply());

        StepVerifier.create(upload())
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(oss.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void treatsAServerErrorAfterTheBodyAsALostResponse() {
        oss.enqueue(new MockResponse.Builder().code(503).body("<Error><Code>ServiceUnavailable</Code></Error>")
                .build());
        oss.enqueue(head(BODY.length(), CRC, Instant.now()));

        StepVerifier.create(upload())
                .expectError(CallbackOutcomeUnknownException.class)
                .verify(Duration.ofSeconds(10));
        assertThat(oss.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void saysSoWhenOssCannotBeAskedAndDoesNotResend() {
        oss.enqueue(lostAfterTheBody());
        for (int i = 0; i < 3; i++) {
            oss.enqueue(new MockResponse.Builder().code(500).build());
        }

        StepVerifier.create(upload())
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(CallbackOutcomeUnknownException.class,
                                unknown -> assertThat(unknown.result()).isEmpty()))
                .verify(Duration.ofSeconds(10));
        assertThat(oss.take().getMethod()).isEqualTo("PUT");
        for (int i = 0; i < 3; i++) {
            assertThat(oss.take().getMethod()).as("only HeadObject is retried").isEqualTo("HEAD");
        }
    }

    @Test
    void stillResendsAnUploadWithoutACallback() {
        oss.enqueue(lostAfterTheBody());
        oss.enqueue(MockOss.ok(ETAG, CRC).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY),
                        UploadBody.fromString(BODY)))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(List.of(oss.take().getMethod(), oss.take().getMethod())).containsExactly("PUT", "PUT");
    }
}
