package dev.ossflux.core;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Sends OSS requests: each attempt is signed afresh, held to the transfer budget, sent and observed;
 * a lost response to an upload with a callback is settled before anything is resent; a skewed clock
 * is corrected once, and replayable requests are retried by the retry policy.
 */
final class Transport {

    private final HttpExchange exchange;
    private final RequestSigning signing;
    private final ServerClock clock;
    private final TransferBudget budget;
    private final AttemptObserver observer;
    private final RetryPolicy retries;
    private final UnknownOutcomes outcomes;

    Transport(HttpExchange exchange, RequestSigning signing, ServerClock clock, TransferBudget budget,
            AttemptObserver observer, RetryPolicy retries) {
        this.exchange = exchange;
        this.signing = signing;
        this.clock = clock;
        this.budget = budget;
        this.observer = observer;
        this.retries = retries;
        this.outcomes = new UnknownOutcomes(this::exchange);
    }

    Endpoint endpoint() {
        return exchange.endpoint();
    }

    TransferBudget budget() {
        return budget;
    }

    /** The current time as OSS sees it, after any clock correction. */
    Instant now() {
        return clock.now();
    }

    /**
     * Sends {@code request} and gathers the response body; retried when the body can be replayed,
     * unless a callback may already have been made (see {@link UnknownOutcomes}).
     */
    Mono<OssResponse> exchange(OssRequest request) {
        Mono<OssResponse> attempt = Mono.defer(() -> {
            Instant started = clock.now();
            return observer.observe(request, opened(request).flatMap(body -> admitted(request, body,
                            signing.headers(request).flatMap(headers -> exchange.send(request, headers, body,
                                    started)))))
                    .onErrorResume(SentInFull.class, sent -> outcomes.settle(request, sent));
        });
        return retries.apply(request, clock.correcting(request, attempt));
    }

    /**
     * Sends {@code request} and hands over the response body as a stream of buffers the subscriber
     * owns; only the wait for the response status is retried.
     */
    Mono<StreamedResponse> stream(OssRequest request) {
        Mono<StreamedResponse> attempt = observer.observe(request,
                signing.headers(request).flatMap(headers -> exchange.stream(request, headers)));
        return retries.apply(request, clock.correcting(request, attempt));
    }

    private static Mono<OpenedBody> opened(OssRequest request) {
        return request.body() == null ? Mono.just(OpenedBody.EMPTY) : request.body().open();
    }

    /** Runs {@code send} holding room for the body in the budget, unless the body brings its own. */
    private <T> Mono<T> admitted(OssRequest request, OpenedBody body, Mono<T> send) {
        boolean permitted = request.body() != null && request.body().permit().isPresent();
        return permitted ? send : budget.admit(body.length(), send);
    }
}
