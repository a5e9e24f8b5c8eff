package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

class OssEmulatorExtensionTest {

    @Nested
    class PerClass {
        @RegisterExtension
        static final OssEmulatorExtension OSS = new OssEmulatorExtension(OssEmulator.builder().bucket("photos"));

        @Test
        void servesTheConfiguredBucketToAReadyClient() {
            try (OssClient client = OSS.clientBuilder().build()) {
                StepVerifier.create(client.putObject(PutObjectRequest.of("photos", "cat.png"),
                                UploadBody.fromString("meow")))
                        .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(10));
            }
            assertThat(OSS.emulator().object("photos", "cat.png")).isPresent();
            assertThat(OSS.endpoint()).startsWith("http://127.0.0.1:");
        }

        @Test
        void clearsFaultsBetweenTests() {
            OSS.emulator().inject(Fault.status(500));
            assertThat(OSS.credentials().accessKeyId()).isEqualTo(OssEmulator.DEFAULT_ACCESS_KEY_ID);
        }
    }

    @Nested
    class PerTest {
        @RegisterExtension
        final OssEmulatorExtension oss = new OssEmulatorExtension();

        @Test
        void startsAFreshEmulatorForEachTest() {
            assertThat(oss.emulator().requests()).isEmpty();
            assertThat(oss.emulator().buckets()).containsExactly(OssEmulator.DEFAULT_BUCKET);
            assertThat(oss.region()).isEqualTo("cn-hangzhou");
        }

        @Test
        void startsAnotherFreshEmulator() {
            assertThat(oss.emulator().object(OssEmulator.DEFAULT_BUCKET, "anything")).isEmpty();
        }
    }
}
