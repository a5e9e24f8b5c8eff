package dev.ossflux.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.testkit.OssEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standalone emulator's {@code --cors-origin} flag. */
class EmulatorMainCorsTest {

    @Test
    void corsOriginFlagAllowsPreflightsFromThatOriginOnly() throws Exception {
        EmulatorMain.Setup setup = EmulatorMain.parse(new String[] {"--bucket", "flags", "--cors-origin",
            "http://localhost:3000", "--access-key-id", "id", "--access-key-secret", "secret"}, Map.of());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (OssEmulator oss = setup.builder().start()) {
            for (String origin : new String[] {"http://localhost:3000", "http://localhost:3001"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(oss.endpoint()
                        + "/flags/")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
                boolean allowed = origin.endsWith("3000");
                assertThat(response.statusCode()).isEqualTo(allowed ? 200 : 403);
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin").isPresent()).isEqualTo(allowed);
            }
        }
    }

    @Test
    void refusesAnOriginThatIsNotSchemeHostAndPort() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--cors-origin", "localhost:3000/page"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corsOrigin");
    }
}
