package dev.ossflux.spring.boot;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

/** The starter's auto-configurations in an {@link ApplicationContextRunner}, and a small upload to try a client. */
final class Contexts {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String BUCKET = "examplebucket";

    private Contexts() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                OssEmulatorAutoConfiguration.class, OssClientAutoConfiguration.class,
                OssfluxUploadersAutoConfiguration.class, OssfluxCallbackAutoConfiguration.class));
    }

    static Mono<UploadResult> put(OssClient client, String key) {
        return client.putObject(PutObjectRequest.builder(BUCKET, key).build(), UploadBody.fromString("hello"));
    }
}
