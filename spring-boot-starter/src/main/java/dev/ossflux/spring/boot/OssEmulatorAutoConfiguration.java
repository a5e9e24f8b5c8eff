package dev.ossflux.spring.boot;

import dev.ossflux.testkit.OssEmulator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With {@code ossflux.emulator.enabled=true} and {@code ossflux-testkit} on the class path, starts an embedded
 * OSS emulator on 127.0.0.1 (a free port) for the context's lifetime; the client and the callback verifier
 * then use it instead of {@code ossflux.endpoint}.
 */
@AutoConfiguration(before = OssClientAutoConfiguration.class)
@ConditionalOnClass(OssEmulator.class)
@ConditionalOnProperty(prefix = "ossflux.emulator", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(OssfluxProperties.class)
public final class OssEmulatorAutoConfiguration {

    OssEmulatorAutoConfiguration() {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    OssEmulator ossEmulator(OssfluxProperties properties) {
        OssEmulator.Builder emulator = OssEmulator.builder();
        properties.emulator().buckets().forEach(emulator::bucket);
        if (OssfluxProperties.isSet(properties.region())) {
            emulator.region(properties.region());
        }
        return emulator.start();
    }

    @Bean
    EmulatedOss ossfluxEmulatedOss(OssEmulator emulator) {
        return new EmulatedOss(emulator.endpoint(), emulator.region(), emulator.credentials());
    }
}
