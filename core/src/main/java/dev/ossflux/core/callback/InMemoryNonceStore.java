package dev.ossflux.core.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import reactor.core.publisher.Mono;

/** {@link NonceStore#inMemory(int)}: nonces by expiry, dropped once expired, at most {@code maxEntries}. */
final class InMemoryNonceStore implements NonceStore {

    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Instant> nonces = new HashMap<>();
    private final PriorityQueue<Used> byExpiry = new PriorityQueue<>();

    InMemoryNonceStore(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Boolean> firstUse(String nonce, Instant expiresAt) {
        return Mono.fromCallable(() -> record(nonce, expiresAt));
    }

    /** How many nonces are held. */
    synchronized int size() {
        return nonces.size();
    }

    private synchronized boolean record(String nonce, Instant expiresAt) {
        dropExpired(clock.instant());
        if (nonces.containsKey(nonce)) {
            return false;
        }
        if (nonces.size() >= maxEntries) {
            throw new IllegalStateException("the in-memory nonce store holds " + maxEntries
                    + " unexpired nonces, its limit");
        }
        nonces.put(nonce, expiresAt);
        byExpiry.add(new Used(nonce, expiresAt));
        return true;
    }

    private void dropExpired(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt().isBefore(now)) {
            nonces.remove(byExpiry.poll().nonce());
        }
    }

    private record Used(String nonce, Instant expiresAt) implements Comparable<Used> {

        @Override
        public int compareTo(Used other) {
            return expiresAt.compareTo(other.expiresAt);
        }
    }
}
