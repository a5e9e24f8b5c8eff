package dev.ossflux.core.callback;

import dev.ossflux.core.callback.CallbackVerificationException.Reason;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Public keys by URL. A fetched key is kept for {@code ttl}; at most {@code maxKeys} are, least recently
 * used dropped first. A failed fetch is remembered for {@code failureTtl} (at most 16 × {@code maxKeys}
 * URLs), and callers asking for that URL meanwhile fail without a fetch. Callers asking for a key being
 * fetched share that fetch; at most {@code maxFetches} run at once, and a further URL fails at once with
 * {@link Reason#PUBLIC_KEY_UNAVAILABLE}. Failures never push a fetched key out.
 */
final class PublicKeyCache {

    /** The cache's bounds. */
    record Limits(int maxKeys, Duration ttl, Duration failureTtl, int maxFetches) {
    }

    private final Limits limits;
    private final Function<String, Mono<PublicKey>> fetch;
    private final Map<String, Timed<PublicKey>> keys;
    private final Map<String, Timed<Throwable>> failures;
    private final Map<String, CompletableFuture<PublicKey>> fetching = new HashMap<>();

    PublicKeyCache(Limits limits, Function<String, Mono<PublicKey>> fetch) {
        this.limits = limits;
        this.fetch = fetch;
        this.keys = lru(limits.maxKeys());
        this.failures = lru(16 * limits.maxKeys());
    }

    /** Emits the key at {@code url}, fetching it on subscription unless it is cached or being fetched. */
    Mono<PublicKey> get(String url) {
        return Mono.defer(() -> {
            Lookup lookup = lookup(url);
            if (lookup.starts()) {
                try {
                    fetch.apply(url).subscribe(key -> fetched(url, key), error -> failed(url, error));
                } catch (RuntimeException | Error e) {
                    failed(url, e);
                    throw e;
                }
            }
            return Mono.fromFuture(lookup.key(), true);
        });
    }

    private synchronized Lookup lookup(String url) {
        long now = System.nanoTime();
        Timed<PublicKey> key = keys.get(url);
        if (key != null && key.fresh(now, limits.ttl())) {
            return new Lookup(CompletableFuture.completedFuture(key.value()), false);
        }
        Timed<Throwable> failure = failures.get(url);
        if (failure != null && failure.fresh(now, limits.failureTtl())) {
            return new Lookup(CompletableFuture.failedFuture(new CallbackVerificationException(
                    Reason.PUBLIC_KEY_UNAVAILABLE, "a recent fetch failed: " + failure.value().getMessage(),
                    failure.value())), false);
        }
        CompletableFuture<PublicKey> running = fetching.get(url);
        if (running != null) {
            return new Lookup(running, false);
        }
        if (fetching.size() >= limits.maxFetches()) {
            return new Lookup(CompletableFuture.failedFuture(new CallbackVerificationException(
                    Reason.PUBLIC_KEY_UNAVAILABLE, limits.maxFetches()
                            + " public keys are being fetched already, the most allowed at once")), false);
        }
        CompletableFuture<PublicKey> started = new CompletableFuture<>();
        fetching.put(url, started);
        return new Lookup(started, true);
    }

    private void fetched(String url, PublicKey key) {
        CompletableFuture<PublicKey> waiting;
        synchronized (this) {
            waiting = fetching.remove(url);
            keys.put(url, new Timed<>(key, System.nanoTime()));
            failures.remove(url);
        }
        if (waiting != null) {
            waiting.complete(key);
        }
    }

    private void failed(String url, Throwable error) {
        CompletableFuture<PublicKey> waiting;
        synchronized (this) {
            waiting = fetching.remove(url);
            failures.put(url, new Timed<>(error, System.nanoTime()));
        }
        if (waiting != null) {
            waiting.completeExceptionally(error);
        }
    }

    private static <V> Map<String, V> lru(int maxEntries) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    private record Lookup(CompletableFuture<PublicKey> key, boolean starts) {
    }

    private record Timed<V>(V value, long createdNanos) {

        boolean fresh(long now, Duration ttl) {
            return now - createdNanos < ttl.toNanos();
        }
    }
}
