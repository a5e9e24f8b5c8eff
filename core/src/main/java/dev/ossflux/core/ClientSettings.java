package dev.ossflux.core;

import dev.ossflux.core.auth.CredentialsProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Everything {@code OssClient.Builder} collected, checked and with defaults applied. The meter
 * registry is typed {@code Object} so that Micrometer, an optional dependency, is only loaded by
 * applications that pass one.
 */
record ClientSettings(
        String endpoint, @Nullable String region, @Nullable Boolean pathStyle, CredentialsProvider credentials,
        SignatureVersion signatureVersion, int maxConnections, int pendingAcquireMaxCount,
        Duration pendingAcquireTimeout, Duration connectTimeout, Duration responseTimeout,
        Optional<Duration> callTimeout, RetryBackoffSpec retry, Function<HttpClient, HttpClient> httpClientCustomizer,
        Clock clock, long maxBytesInFlight, int maxRequestsInFlight, @Nullable Object meterRegistry,
        boolean reactorNettyMetrics) {
}
