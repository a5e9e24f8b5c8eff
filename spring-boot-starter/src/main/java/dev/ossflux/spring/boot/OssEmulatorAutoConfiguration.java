package dev.ossflux.spring.boot;

import dev.ossflux.testkit.OssEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

    private static final Log log = LogFactory.getLog(OssEmulatorAutoConfiguration.class);

    OssEmulatorAutoConfiguration() {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    OssEmulator ossEmulator(OssfluxProperties properties) {
        OssEmulator.Builder emulator = OssEmulator.builder();
        properties.emulator().buckets().forEach(emulator::bucket);
        if (!properties.emulator().corsOrigins().isEmpty()) {
            emulator.corsOrigin(properties.emulator().corsOrigins().toArray(String[]::new));
        }
        if (OssfluxProperties.isSet(properties.region())) {
            emulator.region(properties.region());
        }
        OssEmulator started = emulator.start();
        if (OssfluxProperties.isSet(properties.endpoint())) {
            log.warn("ossflux.emulator.enabled=true: ossflux.endpoint (" + properties.endpoint() + ") is ignored,"
                    + " every ossflux bean uses the embedded emulator at " + started.endpoint());
        } else {
            log.info("Started an embedded OSS emulator at " + started.endpoint());
        }
        return started;
    }

    @Bean
    EmulatedOss ossfluxEmulatedOss(OssEmulator emulator) {
        return new EmulatedOss(emulator.endpoint(), emulator.region(), emulator.credentials());
    }
}
