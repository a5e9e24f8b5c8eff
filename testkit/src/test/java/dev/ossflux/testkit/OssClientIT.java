package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.GetObjectRequest;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.SignatureVersion;
import dev.ossflux.core.UploadBody;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OssClientIT {

    private static final String BUCKET = "examplebucket";
    private static OssEmulator oss;
    private static OssClient v4;
    private static OssClient v1;

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket(BUCKET).start();
        v4 = oss.clientBuilder().build();
        v1 = oss.clientBuilder().signatureVersion(SignatureVersion.V1).build();
    }

    @AfterAll
    static void stop() {
        v4.close();
        v1.close();
        oss.close();
    }

    @Test
    void putThenGetRoundTripsWithV4() {
        StepVerifier.create(v4.putObject(PutObjectRequest.of(BUCKET, "dir/a b.txt"), UploadBody.fromString("hello")))
                .assertNext(result -> assertThat(result.etag()).isEqualTo("5D41402ABC4B2A76B9719D911017C592"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(v1.getObject(GetObjectRequest.of(BUCKET, "dir/a b.txt")).flatMap(c -> c.bytes()))
                .assertNext(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("hello"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
