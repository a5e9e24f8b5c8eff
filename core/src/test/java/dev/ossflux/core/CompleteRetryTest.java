package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.sign.V1Signer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A Complete retried after a lost response, which then finds the upload gone. */
class CompleteRetryTest {

    private static final long CRC = Long.parseUnsignedLong("11051210869376104954");
    private static final MultipartUpload UPLOAD = new MultipartUpload(MockOss.BUCKET, "big.bin", "U1");
    private static final List<UploadedPart> PARTS = List.of(
            new UploadedPart(1, "A", 5, Long.parseUnsignedLong("6748440630437108969")),
            new UploadedPart(2, "B", 4, Long.parseUnsignedLong("10278880121275185425")));

    private final MockOss oss = new MockOss();

    @AfterEach
    void close() {
        oss.close();
    }

    private static MockResponse noSuchUpload() {
        return new MockResponse.Builder().code(404).body("<Error><Code>NoSuchUpload</Code>"
                + "<Message>The specified upload does not exist.</Message></Error>").build();
    }

    @Test
    void reportsTheObjectAnEarlierAttemptCompleted() {
        oss.enqueue(new MockResponse.Builder().code(500).body("<Error><Code>InternalError</Code></Error>").build());
        oss.enqueue(noSuchUpload());
        oss.enqueue(MockOss.ok("C-2", CRC).setHeader("Content-Length", "9").build());

        StepVerifier.create(oss.client.completeMultipartUpload(UPLOAD, PARTS))
                .assertNext(result -> {
                    assertThat(result.etag()).isEqualTo("C-2");
                    assertThat(result.size()).isEqualTo(9);
                    assertThat(result.crc64()).isEqualTo(CRC);
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.take().getMethod()).isEqualTo("POST");
        assertThat(oss.take().getMethod()).isEqualTo("POST");
        assertThat(oss.take().getMethod()).isEqualTo("HEAD");
    }

    @Test
    void keepsNoSuchUploadWhenTheObjectIsNotThePartsJoined() {
        oss.enqueue(noSuchUpload());
        oss.enqueue(MockOss.ok("OTHER", 42).setHeader("Content-Length", "9").build());

        StepVerifier.create(oss.client.completeMultipartUpload(UPLOAD, PARTS))
                .expectErrorSatisfies(error -> assertThat(OssException.hasCode(error, "NoSuchUpload")).isTrue())
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void keepsNoSuchUploadWhenThereIsNoObject() {
        oss.enqueue(noSuchUpload());
        oss.enqueue(new MockResponse.Builder().code(404).build());

        StepVerifier.create(oss.client.completeMultipartUpload(UPLOAD, PARTS))
                .expectErrorSatisfies(error -> assertThat(OssException.hasCode(error, "NoSuchUpload")).isTrue())
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void reportsAnUnknownCallbackOutcomeWhenALostResponseWasTheCallbacks() {
        oss.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        oss.enqueue(MockOss.ok("C-2", CRC).setHeader("Content-Length", "9")
                .setHeader("Last-Modified", V1Signer.HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).build());

        StepVerifier.create(oss.client.completeMultipartUpload(UPLOAD, PARTS,
                        Callback.builder("http://app.example.com/cb", "object=${object}").build()))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(CallbackOutcomeUnknownException.class,
                                unknown -> assertThat(unknown.result().orElseThrow().etag()).isEqualTo("C-2")))
                .verify(Duration.ofSeconds(10));
        assertThat(oss.take().getMethod()).isEqualTo("POST");
        assertThat(oss.take().getMethod()).isEqualTo("HEAD");
        assertThat(oss.server.getRequestCount()).as("Complete was not resent").isEqualTo(2);
    }

    @Test
    void reportsAnUnknownCallbackOutcomeWhenARetriedCompleteFindsTheObjectWithoutItsReply() {
        oss.enqueue(noSuchUpload());
        oss.enqueue(MockOss.ok("C-2", CRC).setHeader("Content-Length", "9").build());

        StepVerifier.create(oss.client.completeMultipartUpload(UPLOAD, PARTS,
                        Callback.builder("http://app.example.com/cb", "object=${object}").build()))
                .expectError(CallbackOutcomeUnknownException.class)
                .verify(Duration.ofSeconds(5));
    }
}
