package dev.ossflux.spring.boot;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.auth.CredentialsProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An {@link OssClient} from the {@code ossflux.*} properties, unless the application defines one; closed with
 * the context. Credentials come from a {@link CredentialsProvider} bean (e.g. STS), else
 * {@code ossflux.credentials.*}, else the {@code OSS_*} environment variables. {@link OssClientCustomizer} beans run last.
 */
@AutoConfiguration
@ConditionalOnClass(OssClient.class)
@EnableConfigurationProperties(OssfluxProperties.class)
public final class OssClientAutoConfiguration {

    OssClientAutoConfiguration() {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    OssClient ossClient(OssfluxProperties properties, ObjectProvider<CredentialsProvider> credentials,
            ObjectProvider<EmulatedOss> emulator, ObjectProvider<OssClientCustomizer> customizers) {
        OssClient.Builder builder = OssClient.builder();
        EmulatedOss local = emulator.getIfAvailable();
        if (local != null) {
            builder.endpoint(local.endpoint()).region(local.region())
                    .credentials(CredentialsProvider.of(local.credentials()));
        } else {
            ClientProperties.connection(properties, builder, credentials::getIfAvailable);
        }
        ClientProperties.tuning(properties, builder);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Publishes the client's meters to the application's {@link MeterRegistry}, when it has one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnProperty(prefix = "ossflux.metrics", name = "enabled", matchIfMissing = true)
    static class Metrics {

        @Bean
        OssClientCustomizer ossfluxMetrics(ObjectProvider<MeterRegistry> registry, OssfluxProperties properties) {
            return builder -> {
                registry.ifUnique(builder::metrics);
                builder.reactorNettyMetrics(properties.metrics().reactorNetty());
            };
        }
    }
}
