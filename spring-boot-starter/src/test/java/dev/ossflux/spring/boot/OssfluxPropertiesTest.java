package dev.ossflux.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class OssfluxPropertiesTest {

    private static final String SECRET = "s3cr3t-value-that-must-never-show-up";
    private static final String SHORT_SECRET = "a-too-short-s3cr3t";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ossflux.multipart.part-size=1KB              | ossflux.multipart.part-size
            ossflux.multipart.concurrency=0              | ossflux.multipart.concurrency
            ossflux.multipart.byte-budget=0B             | ossflux.multipart.byte-budget
            ossflux.pool.max-connections=-1              | ossflux.pool.max-connections
            ossflux.pool.max-connections=lots            | ossflux.pool.max-connections
            ossflux.timeouts.response=0s                 | ossflux.timeouts.response
            ossflux.batch.concurrency=0                  | ossflux.batch.concurrency
            ossflux.signature-version=V3                 | ossflux.signature-version
            ossflux.credentials.access-key-id=only-an-id | ossflux.credentials.access-key-secret
            ossflux.callback.binding-secret=short        | ossflux.callback.binding-secret
            """)
    void aBadValueFailsStartupNamingTheProperty(String property, String named) {
        runner.withPropertyValues(property).run(context -> assertThat(context).hasFailed().getFailure()
                .satisfies(failure -> assertThat(messages(failure)).contains(named)));
    }

    @Test
    void secretsStayOutOfToStringAndFailures() {
        runner.withPropertyValues("ossflux.credentials.access-key-id=id", "ossflux.credentials.access-key-secret="
                + SECRET, "ossflux.credentials.security-token=" + SECRET, "ossflux.callback.binding-secret=" + SECRET
                + SECRET).run(context -> assertThat(context.getBean(OssfluxProperties.class).toString())
                .contains("accessKeyId=id").doesNotContain(SECRET));
        for (String rejected : List.of("access-key-secret", "callback.binding-secret")) {
            String property = rejected.startsWith("callback") ? "ossflux." + rejected
                    : "ossflux.credentials." + rejected;
            runner.withPropertyValues(property + "=" + SHORT_SECRET).run(context ->
                    assertThat(messages(context.getStartupFailure())).contains(property).doesNotContain(SHORT_SECRET));
        }
    }

    @Test
    void shipsConfigurationMetadataForIdes() throws IOException {
        try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata).as("spring-configuration-metadata.json").isNotNull();
            assertThat(new String(metadata.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"ossflux.endpoint\"", "\"ossflux.credentials.access-key-id\"",
                            "\"ossflux.multipart.part-size\"", "\"ossflux.callback.binding-secret\"",
                            "\"ossflux.emulator.enabled\"", "\"ossflux.metrics.enabled\"")
                    .contains("the size of each part (default 8MB");
        }
    }

    /** Every message of the chain, and the bound value Boot's failure report would print. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
            if (t instanceof BindException bind && bind.getProperty() != null) {
                all.append(bind.getProperty().getValue()).append('\n');
            }
        }
        return all.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OssfluxProperties.class)
    static class Bound {
    }
}
