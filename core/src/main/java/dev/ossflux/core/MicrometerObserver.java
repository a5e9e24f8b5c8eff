package dev.ossflux.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the client's meters to a Micrometer registry:
 * <ul>
 *   <li>{@code ossflux.requests} (timer, with percentile histogram) by {@code operation},
 *       {@code outcome} and {@code status}: every request attempt</li>
 *   <li>{@code ossflux.bytes.sent} (counter, bytes) by {@code operation}</li>
 *   <li>{@code ossflux.retries} (counter) by {@code operation}</li>
 *   <li>{@code ossflux.callback.failures} (counter) by {@code operation}: uploads OSS answered 203</li>
 *   <li>{@code ossflux.inflight.bytes} and {@code ossflux.inflight.requests} (gauges): the transfer
 *       budget in use</li>
 * </ul>
 */
final class MicrometerObserver implements TransferObserver {

    private final MeterRegistry registry;

    MicrometerObserver(MeterRegistry registry, TransferBudget budget) {
        this.registry = registry;
        Gauge.builder("ossflux.inflight.bytes", budget, TransferBudget::bytesInUse).baseUnit("bytes")
                .description("Request-body bytes of uploads in flight").register(registry);
        Gauge.builder("ossflux.inflight.requests", budget, TransferBudget::requestsInUse)
                .description("Upload requests in flight").register(registry);
    }

    @Override
    public void attempted(String operation, String outcome, int status, long nanos, long bytesSent) {
        Timer.builder("ossflux.requests").description("OSS request attempts")
                .tags("operation", operation, "outcome", outcome, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (bytesSent > 0) {
            Counter.builder("ossflux.bytes.sent").baseUnit("bytes").description("Request-body bytes sent")
                    .tag("operation", operation).register(registry).increment(bytesSent);
        }
        if ("callback_failed".equals(outcome)) {
            Counter.builder("ossflux.callback.failures").description("Uploads stored whose callback failed (203)")
                    .tag("operation", operation).register(registry).increment();
        }
    }

    @Override
    public void retrying(String operation) {
        Counter.builder("ossflux.retries").description("Request attempts retried").tag("operation", operation)
                .register(registry).increment();
    }
}
