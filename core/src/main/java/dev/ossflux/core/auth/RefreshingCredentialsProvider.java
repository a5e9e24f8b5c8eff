package dev.ossflux.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/** Caches temporary credentials and renews them ahead of expiry with one shared fetch. */
final class RefreshingCredentialsProvider implements CredentialsProvider {

    private static final Logger LOG = Loggers.getLogger(RefreshingCredentialsProvider.class);
    /** How long before expiry credentials stop being handed out at all. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final Supplier<? extends Mono<Credentials>> fetch;
    private final Duration refreshBefore;
    private final Clock clock;
    private final AtomicReference<@Nullable Mono<Credentials>> inFlight = new AtomicReference<>();
    private volatile @Nullable Credentials current;

    RefreshingCredentialsProvider(Supplier<? extends Mono<Credentials>> fetch, Duration refreshBefore, Clock clock) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.refreshBefore = Objects.requireNonNull(refreshBefore, "refreshBefore");
        if (refreshBefore.isNegative()) {
            throw new IllegalArgumentException("refreshBefore: must not be negative");
        }
        this.clock = clock;
    }

    @Override
    public Mono<Credentials> credentials() {
        Credentials credentials = current;
        if (credentials == null) {
            return refresh();
        }
        Instant now = clock.instant();
        Instant expiry = credentials.expiration().orElse(Instant.MAX);
        if (now.isAfter(expiry.minus(EXPIRY_MARGIN))) {
            return refresh();
        }
        if (now.isAfter(expiry.minus(refreshBefore))) {
            refresh().subscribe(null, error -> LOG.warn("Refreshing credentials ahead of expiry failed: {}",
                    error.toString()));
        }
        return Mono.just(credentials);
    }

    private Mono<Credentials> refresh() {
        while (true) {
            Mono<Credentials> running = inFlight.get();
            if (running != null) {
                return running;
            }
            AtomicReference<@Nullable Mono<Credentials>> self = new AtomicReference<>();
            Mono<Credentials> shared = Mono.defer(fetch)
                    .switchIfEmpty(Mono.error(
                            () -> new IllegalStateException("credentials: the fetch completed empty")))
                    .doOnNext(fresh -> current = fresh)
                    .doFinally(signal -> inFlight.compareAndSet(self.get(), null))
                    .cache();
            self.set(shared);
            if (inFlight.compareAndSet(null, shared)) {
                return shared;
            }
        }
    }

    @Override
    public String toString() {
        return "CredentialsProvider.refreshing(refreshBefore=" + refreshBefore + ")";
    }
}
