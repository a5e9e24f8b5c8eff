package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only loopback addresses, {@code localhost}, configured names and bucket names on those are served: a web page
 * whose DNS name was rebound to 127.0.0.1 reaches the emulator with its own name in {@code Host} and is refused.
 */
class HostCheckIT {

    private static final String BUCKET = "examplebucket";
    @RegisterExtension
    static final OssEmulatorExtension OSS = new OssEmulatorExtension(OssEmulator.builder().bucket(BUCKET)
            .hostName("oss.test"));

    private static SignedRequests.Response put(String host, String key) {
        SignedRequests.Request request = new SignedRequests.Request("PUT", BUCKET, key).body("hosted");
        if (host.startsWith(BUCKET + ".")) {
            request.virtualHost(host);
        } else {
            request.header("Host", host);
        }
        return SignedRequests.send(OSS.emulator(), request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:9000", "127.8.9.10", "localhost", "LOCALHOST:80", "[::1]:9000",
        "oss.test", "examplebucket.localhost", "examplebucket.127.0.0.1", "examplebucket.oss.test:8080"})
    void servesLoopbackLocalhostConfiguredNamesAndBucketsOnThem(String host) {
        String key = "served-" + host.replaceAll("[^a-z0-9]", "-");
        SignedRequests.Response response = put(host, key);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(OSS.emulator().object(BUCKET, key)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "rebound.attacker.test:9000", "examplebucket.evil.example",
        "128.0.0.1", "0.0.0.0", "localhost.evil.example", "oss.test.evil.example", "127.0.0.1.nip.io"})
    void refusesEveryOtherHostAndLogsNothing(String host) throws InterruptedException {
        String key = "refused-" + host.replaceAll("[^a-z0-9]", "-");
        SignedRequests.Response response = put(host, key);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("AccessDenied");
        assertThat(response.error().get("Message")).contains("does not serve Host");
        assertThat(OSS.emulator().object(BUCKET, key)).isEmpty();
        Thread.sleep(200); // a request log entry is written after the answer: give a wrongly served one time to show
        assertThat(OSS.emulator().requests()).noneMatch(recorded -> recorded.key().filter(key::equals).isPresent()
                || recorded.headers().getOrDefault("host", List.of()).contains(host));
    }
}
