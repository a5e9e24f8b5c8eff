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

    /** Drives the callbacks JUnit calls for a class of two tests; the extension does not read the context. */
    @Test
    void keepsOneEmulatorForAClassButClearsFaultsAfterEachTest() {
        OssEmulatorExtension perClass = new OssEmulatorExtension(OssEmulator.builder().bucket("photos"));
        perClass.beforeAll(null);
        try {
            perClass.beforeEach(null);
            OssEmulator first = perClass.emulator();
            first.inject(Fault.status(403, "AccessDenied"));
            perClass.afterEach(null);

            perClass.beforeEach(null);
            assertThat(perClass.emulator()).isSameAs(first);
            try (OssClient client = perClass.clientBuilder().build()) {
                StepVerifier.create(client.putObject(PutObjectRequest.of("photos", "cat.png"),
                                UploadBody.fromString("meow")))
                        .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(10));
            }
            perClass.afterEach(null);
        } finally {
            perClass.afterAll(null);
        }
    }

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
