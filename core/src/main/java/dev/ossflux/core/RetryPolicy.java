package dev.ossflux.core;

import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Resends a replayable request after a {@linkplain Retryable retryable} failure, with the caller's
 * backoff. Requests whose body can be read only once are never resent.
 */
final class RetryPolicy {

    private static final Logger LOG = Loggers.getLogger(RetryPolicy.class);

    private final RetryBackoffSpec backoff;
    private final AttemptObserver observer;

    RetryPolicy(RetryBackoffSpec backoff, AttemptObserver observer) {
        this.backoff = backoff.filter(Retryable::test).onRetryExhaustedThrow((spec, signal) -> signal.failure());
        this.observer = observer;
    }

    <T> Mono<T> apply(OssRequest request, Mono<T> attempt) {
        if (!request.replayable()) {
            return attempt;
        }
        RetryBackoffSpec logged = backoff.doBeforeRetry(signal -> {
            observer.retrying(request.operation());
            LOG.warn("Retrying {} of {}/{} (retry {}): {}", request.operation(), request.bucket(), request.key(),
                    signal.totalRetries() + 1, signal.failure().toString());
        });
        return attempt.onErrorResume(Retryable::test, first -> afterFirstFailure(first, attempt).retryWhen(logged));
    }

    /**
     * Fails with {@code first} once, then subscribes {@code attempt} on every resubscription: the
     * retry machinery (a subscriber and a companion flux per request) is set up only when a first
     * attempt failed, and sees that failure as if it had been there from the start.
     */
    private static <T> Mono<T> afterFirstFailure(Throwable first, Mono<T> attempt) {
        AtomicBoolean failed = new AtomicBoolean();
        return Mono.defer(() -> failed.compareAndSet(false, true) ? Mono.error(first) : attempt);
    }
}
