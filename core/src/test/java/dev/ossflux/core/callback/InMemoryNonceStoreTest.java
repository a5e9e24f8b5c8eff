package dev.ossflux.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class InMemoryNonceStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryNonceStore store = new InMemoryNonceStore(2, clock);

    @Test
    void knowsANonceUntilItsExpiryThenForgetsIt() {
        assertFirstUse("a", T0.plusSeconds(60), true);
        assertFirstUse("a", T0.plusSeconds(60), false);
        clock.now = T0.plusSeconds(60);
        assertFirstUse("a", T0.plusSeconds(60), false);
        clock.now = T0.plusSeconds(61);
        assertFirstUse("b", T0.plusSeconds(120), true);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void refusesNewNoncesWhenFullRatherThanForgetOneEarly() {
        assertFirstUse("a", T0.plusSeconds(10), true);
        assertFirstUse("b", T0.plusSeconds(20), true);
        StepVerifier.create(store.firstUse("c", T0.plusSeconds(30)))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("2 unexpired nonces"))
                .verify(WAIT);
        assertFirstUse("a", T0.plusSeconds(10), false);
        clock.now = T0.plusSeconds(11);
        assertFirstUse("c", T0.plusSeconds(30), true);
        assertFirstUse("b", T0.plusSeconds(20), false);
    }

    @Test
    void needsRoomForOneNonce() {
        assertThatThrownBy(() -> NonceStore.inMemory(0)).hasMessageContaining("maxEntries");
    }

    private void assertFirstUse(String nonce, Instant expiresAt, boolean first) {
        StepVerifier.create(store.firstUse(nonce, expiresAt)).expectNext(first).expectComplete().verify(WAIT);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
