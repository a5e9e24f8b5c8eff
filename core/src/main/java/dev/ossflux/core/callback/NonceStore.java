package dev.ossflux.core.callback;

import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Remembers the nonces of bound callbacks a {@link CallbackVerifier} accepted, so that a replayed callback is
 * refused. The default keeps them in memory ({@link #inMemory(int)}); an application with several instances
 * behind one callback URL plugs in a shared store, e.g. a Redis {@code SET nonce 1 NX PXAT expiry}.
 */
@FunctionalInterface
public interface NonceStore {

    /**
     * Records {@code nonce} as used until {@code expiresAt}. Emits {@code true} when it was not recorded
     * before, {@code false} when it was (a replay). An error makes the verifier refuse the callback with
     * {@link CallbackVerificationException.Reason#REPLAY_CHECK_UNAVAILABLE}. Must not block.
     */
    Mono<Boolean> firstUse(String nonce, Instant expiresAt);

    /**
     * A store in this process's memory that keeps each nonce until its expiry and holds at most
     * {@code maxEntries} unexpired ones; when that many are held, it refuses new ones (an error, so the
     * callback is refused as unchecked) rather than forget one early.
     */
    static NonceStore inMemory(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries: must be positive, got " + maxEntries);
        }
        return new InMemoryNonceStore(maxEntries, Clock.systemUTC());
    }
}
