package dev.ossflux.core;

import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/** Reports each attempt's outcome, duration and bytes to the meters and the debug log. */
final class AttemptObserver {

    private static final Logger LOG = Loggers.getLogger(AttemptObserver.class);

    private final TransferObserver meters;

    AttemptObserver(TransferObserver meters) {
        this.meters = meters;
    }

    <T extends HttpResult> Mono<T> observe(OssRequest request, Mono<T> attempt) {
        String operation = request.operation();
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return attempt
                    .doOnSuccess(result -> {
                        long nanos = System.nanoTime() - start;
                        meters.attempted(operation, TransferObserver.outcome(result.status()), result.status(), nanos,
                                result.sentBytes());
                        if (LOG.isDebugEnabled()) {
                            LOG.debug("{} {}/{} -> {} in {} ms, request id {}", operation, request.bucket(),
                                    request.key(), result.status(), nanos / 1_000_000, result.requestId());
                        }
                    })
                    .doOnError(error -> {
                        meters.attempted(operation, TransferObserver.outcome(error), TransferObserver.status(error),
                                System.nanoTime() - start, 0);
                        LOG.debug("{} {}/{} failed: {}", operation, request.bucket(), request.key(), error.toString());
                    })
                    .doOnCancel(() -> meters.attempted(operation, "cancelled", 0, System.nanoTime() - start, 0));
        });
    }

    void retrying(String operation) {
        meters.retrying(operation);
    }
}
