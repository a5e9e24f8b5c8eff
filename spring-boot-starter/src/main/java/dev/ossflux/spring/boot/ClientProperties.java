package dev.ossflux.spring.boot;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Applies {@link OssfluxProperties} to an {@link OssClient.Builder}. */
final class ClientProperties {

    private ClientProperties() {
    }

    /**
     * Endpoint, region and credentials: the application's provider bean, else the configured AccessKey pair,
     * else the environment.
     */
    static void connection(OssfluxProperties properties, OssClient.Builder builder,
            Supplier<@Nullable CredentialsProvider> providerBean) {
        if (properties.emulator().enabled()) {
            throw new IllegalStateException("ossflux.emulator.enabled=true needs dev.ossflux:ossflux-testkit on the"
                    + " class path");
        }
        if (!OssfluxProperties.isSet(properties.endpoint())) {
            throw new IllegalStateException("ossflux.endpoint must be set, e.g."
                    + " ossflux.endpoint=https://oss-cn-hangzhou.aliyuncs.com (or ossflux.emulator.enabled=true"
                    + " with ossflux-testkit on the class path for the embedded emulator)");
        }
        builder.endpoint(properties.endpoint());
        if (OssfluxProperties.isSet(properties.region())) {
            builder.region(properties.region());
        }
        OssfluxProperties.Credentials keys = properties.credentials();
        CredentialsProvider bean = providerBean.get();
        if (bean != null) {
            builder.credentials(bean);
        } else if (keys.configured()) {
            builder.credentials(CredentialsProvider.of(new Credentials(keys.accessKeyId(), keys.accessKeySecret(),
                    Optional.ofNullable(keys.securityToken()).filter(OssfluxProperties::isSet), Optional.empty())));
        } else {
            builder.credentials(CredentialsProvider.fromEnvironment());
        }
    }

    /** Signing, pool, timeouts and the byte budget. */
    static void tuning(OssfluxProperties properties, OssClient.Builder builder) {
        builder.signatureVersion(properties.signatureVersion());
        ifSet(properties.pathStyle(), builder::pathStyle);
        OssfluxProperties.Pool pool = properties.pool();
        ifSet(pool.maxConnections(), builder::maxConnections);
        ifSet(pool.pendingAcquireMaxCount(), builder::pendingAcquireMaxCount);
        ifSet(pool.pendingAcquireTimeout(), builder::pendingAcquireTimeout);
        ifSet(pool.maxRequestsInFlight(), builder::maxRequestsInFlight);
        OssfluxProperties.Timeouts timeouts = properties.timeouts();
        ifSet(timeouts.connect(), builder::connectTimeout);
        ifSet(timeouts.response(), builder::responseTimeout);
        ifSet(timeouts.call(), builder::callTimeout);
        ifSet(properties.multipart().byteBudget(), budget -> builder.maxBytesInFlight(budget.toBytes()));
    }

    static <T> void ifSet(@Nullable T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
