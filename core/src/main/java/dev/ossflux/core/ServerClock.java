package dev.ossflux.core;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The time as OSS sees it: the local clock plus the offset learnt from a {@code RequestTimeTooSkewed}
 * answer, after which the request is signed again and resent once.
 */
final class ServerClock {

    private final Clock clock;
    private final AtomicLong offsetMillis = new AtomicLong();

    ServerClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().plusMillis(offsetMillis.get());
    }

    /** {@code attempt}, resent once with a corrected clock when OSS finds its time skewed. */
    <T> Mono<T> correcting(OssRequest request, Mono<T> attempt) {
        return attempt.onErrorResume(error -> OssException.hasCode(error, "RequestTimeTooSkewed"), skew -> {
            learnFrom((OssException) skew);
            return request.replayable() ? attempt : Mono.error(skew);
        });
    }

    private void learnFrom(OssException skew) {
        String serverTime = skew.details().get("ServerTime");
        if (serverTime == null) {
            return;
        }
        try {
            offsetMillis.set(Instant.parse(serverTime).toEpochMilli() - clock.millis());
        } catch (DateTimeParseException ignored) {
            // without a readable server time the resend simply repeats the failure
        }
    }
}
