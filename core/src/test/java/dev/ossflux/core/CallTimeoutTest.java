package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The call timeout bounds every operation as a whole, listings included, however many pages they take
 * (each test first warms the client up, as a cold JVM takes seconds over its first request).
 */
class CallTimeoutTest {

    private static final MultipartUpload UPLOAD = new MultipartUpload(MockOss.BUCKET, "big.bin", "U1");

    private final MockOss oss = new MockOss(MockOss.defaults().callTimeout(Duration.ofSeconds(3)));

    @BeforeEach
    void warmUp() {
        oss.enqueue(new MockResponse.Builder().code(204).build());
        StepVerifier.create(oss.client.deleteObject(MockOss.BUCKET, "warm-up")).expectComplete()
                .verify(Duration.ofSeconds(30));
        oss.take();
    }

    @AfterEach
    void close() {
        oss.close();
    }

    private static MockResponse page(int part, boolean truncated, long delayMillis) {
        return new MockResponse.Builder().code(200).headersDelay(delayMillis, TimeUnit.MILLISECONDS)
                .body("<ListPartsResult><Bucket>examplebucket</Bucket><Key>big.bin</Key><UploadId>U1</UploadId>"
                        + "<PartNumberMarker>" + (part - 1) + "</PartNumberMarker><NextPartNumberMarker>" + part
                        + "</NextPartNumberMarker><MaxParts>1</MaxParts><IsTruncated>" + truncated
                        + "</IsTruncated><Part><PartNumber>" + part + "</PartNumber><LastModified>"
                        + "2024-01-15T08:30:00.000Z</LastModified><ETag>\"E\"</ETag><HashCrc64ecma>0"
                        + "</HashCrc64ecma><Size>0</Size></Part></ListPartsResult>")
                .build();
    }

    @Test
    void limitsAListingWhosePagesEachArriveInTimeButTogetherDoNot() {
        for (int part = 1; part <= 5; part++) {
            oss.enqueue(page(part, part < 5, 1000));
        }

        StepVerifier.create(oss.client.listParts(UPLOAD))
                .thenConsumeWhile(part -> true)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(TimeoutException.class))
                .verify(Duration.ofSeconds(10));
        assertThat(oss.server.getRequestCount()).as("pages asked for before the call timed out").isLessThan(5);
    }

    @Test
    void letsAListingThatEndsInTimeComplete() {
        oss.enqueue(page(1, true, 0));
        oss.enqueue(page(2, false, 0));

        StepVerifier.create(oss.client.listParts(UPLOAD))
                .expectNextCount(2)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
