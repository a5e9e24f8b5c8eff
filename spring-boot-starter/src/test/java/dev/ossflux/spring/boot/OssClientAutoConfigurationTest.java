package dev.ossflux.spring.boot;

import static dev.ossflux.spring.boot.Contexts.WAIT;
import static dev.ossflux.spring.boot.Contexts.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.OssException;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.RecordedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class OssClientAutoConfigurationTest {

    private static OssEmulator oss;
    private static ApplicationContextRunner runner;

    @BeforeAll
    static void startOss() {
        oss = OssEmulator.builder().bucket(Contexts.BUCKET).credentials("app-key", "app-secret")
                .temporaryCredentials("sts-key", "sts-secret", "sts-token").start();
        runner = Contexts.runner().withPropertyValues("ossflux.endpoint=" + oss.endpoint(),
                "ossflux.region=" + oss.region());
    }

    @AfterAll
    static void stopOss() {
        oss.close();
    }

    @Test
    void signsWithTheConfiguredAccessKey() {
        runner.withPropertyValues("ossflux.credentials.access-key-id=app-key",
                "ossflux.credentials.access-key-secret=app-secret").run(context ->
                StepVerifier.create(put(context.getBean(OssClient.class), "properties.txt"))
                        .assertNext(result -> assertThat(result.etag()).isNotBlank())
                        .expectComplete().verify(WAIT));
    }

    @Test
    void appliesSigningAndTimeoutProperties() {
        ApplicationContextRunner configured = runner.withPropertyValues("ossflux.credentials.access-key-id=app-key",
                "ossflux.credentials.access-key-secret=app-secret", "ossflux.signature-version=V1");
        configured.run(context -> {
            StepVerifier.create(put(context.getBean(OssClient.class), "v1.txt"))
                    .expectNextCount(1).expectComplete().verify(WAIT);
            assertThat(loggedRequestFor("v1.txt").header("Authorization"))
                    .hasValueSatisfying(authorization -> assertThat(authorization).startsWith("OSS app-key:"));
        });
        configured.withPropertyValues("ossflux.timeouts.call=1ns").run(context ->
                StepVerifier.create(put(context.getBean(OssClient.class), "late.txt"))
                        .expectError(TimeoutException.class).verify(WAIT));
    }

    /** The emulator's log entry for {@code key}: it logs a request once it has answered it, so this waits. */
    private static RecordedRequest loggedRequestFor(String key) throws InterruptedException {
        for (RecordedRequest request = oss.takeRequest(WAIT); request != null; request = oss.takeRequest(WAIT)) {
            if (request.key().filter(key::equals).isPresent()) {
                return request;
            }
        }
        throw new AssertionError("the emulator logged no request for " + key);
    }

    @Test
    void aCredentialsProviderBeanWinsOverProperties() {
        runner.withPropertyValues("ossflux.credentials.access-key-id=app-key",
                "ossflux.credentials.access-key-secret=wrong-secret")
                .withBean(CredentialsProvider.class, () -> CredentialsProvider.refreshing(() -> Mono.just(
                        Credentials.temporary("sts-key", "sts-secret", "sts-token", Instant.now().plusSeconds(3600))),
                        Duration.ofMinutes(5)))
                .run(context -> StepVerifier.create(put(context.getBean(OssClient.class), "sts.txt"))
                        .assertNext(result -> assertThat(result.etag()).isNotBlank())
                        .expectComplete().verify(WAIT));
    }

    @Test
    void withoutPropertiesOrBeanReadsTheEnvironment() {
        assumeTrue(System.getenv(CredentialsProvider.ACCESS_KEY_ID_VARIABLE) == null);
        runner.run(context -> StepVerifier.create(put(context.getBean(OssClient.class), "env.txt"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("OSS_ACCESS_KEY_ID"))
                .verify(WAIT));
    }

    @Test
    void customizersRunAfterTheProperties() {
        AtomicInteger calls = new AtomicInteger();
        runner.withPropertyValues("ossflux.credentials.access-key-id=app-key",
                "ossflux.credentials.access-key-secret=app-secret")
                .withBean(OssClientCustomizer.class, () -> builder -> {
                    calls.incrementAndGet();
                    builder.credentials(CredentialsProvider.of("app-key", "not-the-secret"));
                })
                .run(context -> {
                    assertThat(calls).hasValue(1);
                    StepVerifier.create(put(context.getBean(OssClient.class), "customized.txt"))
                            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(OssException.class)
                                    .extracting(e -> ((OssException) e).statusCode()).isEqualTo(403))
                            .verify(WAIT);
                });
    }

    @Test
    void backsOffForTheApplicationsClient() {
        runner.withBean("mine", OssClient.class, () -> oss.clientBuilder().build(), bean -> bean
                .setDestroyMethodName("close"))
                .run(context -> assertThat(context).hasSingleBean(OssClient.class).getBean(OssClient.class)
                        .isSameAs(context.getBean("mine")));
    }

    @Test
    void publishesMetersToTheApplicationsRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context ->
                assertThat(context.getBean(MeterRegistry.class).find("ossflux.inflight.bytes").gauge()).isNotNull());
    }

    @Test
    void publishesNoMetersWhenTurnedOff() {
        runner.withPropertyValues("ossflux.metrics.enabled=false").withBean(MeterRegistry.class,
                SimpleMeterRegistry::new).run(context -> {
                    assertThat(context).hasSingleBean(OssClient.class).doesNotHaveBean(OssClientCustomizer.class);
                    assertThat(context.getBean(MeterRegistry.class).find("ossflux.inflight.bytes").gauge()).isNull();
                });
    }

    @Test
    void startsWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(OssClient.class)
                        .doesNotHaveBean(OssClientCustomizer.class));
    }

    @Test
    void aBlankEndpointFailsNamingTheProperty() {
        Contexts.runner().withPropertyValues("ossflux.endpoint=").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("ossflux.endpoint must be set"));
    }
}
