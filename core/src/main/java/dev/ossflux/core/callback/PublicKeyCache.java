package dev.ossflux.core.callback;

import java.security.PublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Public keys by URL: at most {@code maxEntries}, least recently used evicted first, each kept for
 * {@code ttl} when one is set. Callers asking for a key that is being fetched share that fetch; a
 * failed fetch is forgotten, so the next caller tries again.
 */
final class PublicKeyCache {

    private final int maxEntries;
    private final Optional<Duration> ttl;
    private final Function<String, Mono<PublicKey>> fetch;
    private final Map<String, Entry> entries;

    PublicKeyCache(int maxEntries, Optional<Duration> ttl, Function<String, Mono<PublicKey>> fetch) {
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.fetch = fetch;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > PublicKeyCache.this.maxEntries;
            }
        };
    }

    /** Emits the key at {@code url}, fetching it on subscription unless it is cached or being fetched. */
    Mono<PublicKey> get(String url) {
        return Mono.defer(() -> Mono.fromFuture(entry(url), true));
    }

    /** How many keys are cached or being fetched. */
    synchronized int size() {
        return entries.size();
    }

    private synchronized CompletableFuture<PublicKey> entry(String url) {
        long now = System.nanoTime();
        Entry entry = entries.get(url);
        if (entry != null && !entry.expired(now, ttl)) {
            return entry.key;
        }
        Entry fetching = new Entry(fetch.apply(url).toFuture(), now);
        entries.put(url, fetching);
        fetching.key.whenComplete((key, error) -> {
            if (error != null) {
                forget(url, fetching);
            }
        });
        return fetching.key;
    }

    private synchronized void forget(String url, Entry entry) {
        entries.remove(url, entry);
    }

    private record Entry(CompletableFuture<PublicKey> key, long createdNanos) {

        boolean expired(long now, Optional<Duration> ttl) {
            return ttl.isPresent() && now - createdNanos >= ttl.get().toNanos();
        }
    }
}
