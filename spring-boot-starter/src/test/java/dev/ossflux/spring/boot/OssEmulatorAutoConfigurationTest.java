package dev.ossflux.spring.boot;

import static dev.ossflux.spring.boot.Contexts.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.multipart.MultipartUploader;
import dev.ossflux.testkit.OssEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.test.StepVerifier;

class OssEmulatorAutoConfigurationTest {

    private final ApplicationContextRunner runner = Contexts.runner().withPropertyValues(
            "ossflux.emulator.enabled=true", "ossflux.emulator.buckets=" + Contexts.BUCKET);

    @Test
    void pointsEveryBeanAtTheEmulatorWithTheConfiguredParts(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("big.bin"), new byte[250 * 1024]);
        runner.withPropertyValues("ossflux.endpoint=", "ossflux.multipart.part-size=100KB",
                "ossflux.multipart.threshold=100KB").run(context -> {
                    OssEmulator emulator = context.getBean(OssEmulator.class);
                    StepVerifier.create(Contexts.put(context.getBean(OssClient.class), "small.txt"))
                            .expectNextCount(1).expectComplete().verify(WAIT);
                    StepVerifier.create(context.getBean(MultipartUploader.class)
                                    .uploadFile(PutObjectRequest.builder(Contexts.BUCKET, "big.bin").build(), file))
                            .assertNext(result -> assertThat(result.etag()).endsWith("-3"))
                            .expectComplete().verify(WAIT);
                    assertThat(emulator.object(Contexts.BUCKET, "big.bin")).isPresent();
                    assertThat(context.getBean(CallbackVerifier.class).toString())
                            .contains(emulator.endpoint() + "/");
                });
    }

    @Test
    void opensTheEmulatorToTheConfiguredOrigins() {
        runner.withPropertyValues("ossflux.emulator.cors-origins=http://app.test:8080").run(context -> {
            String endpoint = context.getBean(OssEmulator.class).endpoint();
            assertThat(preflight(endpoint, "http://app.test:8080").statusCode()).isEqualTo(200);
            assertThat(preflight(endpoint, "http://elsewhere.test").statusCode()).isEqualTo(403);
        });
    }

    @Test
    void stopsTheEmulatorWithTheContext() {
        AtomicInteger port = new AtomicInteger();
        runner.run(context -> port.set(context.getBean(OssEmulator.class).port()));
        assertThat(port.get()).isPositive();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port.get()).close()).isInstanceOf(IOException.class);
    }

    @Test
    void withoutTestkitFailsNamingTheProperty() {
        runner.withClassLoader(new FilteredClassLoader(OssEmulator.class)).run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("ossflux.emulator.enabled=true needs dev.ossflux:ossflux-testkit"));
    }

    private static HttpResponse<Void> preflight(String endpoint, String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/" + Contexts.BUCKET + "/page.jpg"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "PUT").build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void staysOffByDefault() {
        Contexts.runner().withPropertyValues("ossflux.endpoint=http://127.0.0.1:9").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(OssEmulator.class));
    }
}
