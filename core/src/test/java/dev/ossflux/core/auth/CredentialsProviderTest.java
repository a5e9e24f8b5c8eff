package dev.ossflux.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class CredentialsProviderTest {

    @Test
    void readsTheEnvironmentVariables() {
        Map<String, String> env = Map.of("OSS_ACCESS_KEY_ID", "id", "OSS_ACCESS_KEY_SECRET", "secret",
                "OSS_SESSION_TOKEN", "token");
        StepVerifier.create(new EnvironmentCredentials(env::get).credentials())
                .assertNext(credentials -> {
                    assertThat(credentials.accessKeyId()).isEqualTo("id");
                    assertThat(credentials.accessKeySecret()).isEqualTo("secret");
                    assertThat(credentials.securityToken()).contains("token");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void namesTheMissingVariable() {
        Map<String, String> env = Map.of("OSS_ACCESS_KEY_ID", "id");
        StepVerifier.create(new EnvironmentCredentials(env::get).credentials())
                .expectErrorMessage("credentials: environment variable OSS_ACCESS_KEY_SECRET is not set")
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void neverShowsSecretsInToString() {
        Credentials credentials = Credentials.temporary("id", "top-secret", "session-token",
                Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(credentials.toString()).contains("id").doesNotContain("top-secret").doesNotContain("session-token");
    }

    @Test
    void sharesOneFetchAmongConcurrentCallers() {
        AtomicInteger fetches = new AtomicInteger();
        Sinks.One<Credentials> pending = Sinks.one();
        CredentialsProvider provider = new RefreshingCredentialsProvider(() -> {
            fetches.incrementAndGet();
            return pending.asMono();
        }, Duration.ofMinutes(5), Clock.systemUTC());

        Mono<Credentials> first = provider.credentials();
        Mono<Credentials> second = provider.credentials();
        pending.tryEmitValue(Credentials.temporary("id", "s", "t", Instant.now().plus(Duration.ofHours(1))));

        StepVerifier.create(first.zipWith(second)).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
        StepVerifier.create(provider.credentials()).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
        assertThat(fetches).hasValue(1);
    }

    @Test
    void refreshesAheadOfExpiryWithoutMakingCallersWait() {
        MutableClock clock = new MutableClock(Instant.parse("2024-01-15T08:00:00Z"));
        AtomicInteger fetches = new AtomicInteger();
        CredentialsProvider provider = new RefreshingCredentialsProvider(() -> Mono.fromSupplier(() -> {
            int n = fetches.incrementAndGet();
            return Credentials.temporary("id-" + n, "s", "t", clock.instant().plus(Duration.ofHours(1)));
        }), Duration.ofMinutes(5), clock);

        assertThat(provider.credentials().block(Duration.ofSeconds(1)).accessKeyId()).isEqualTo("id-1");
        clock.advance(Duration.ofMinutes(30));
        assertThat(provider.credentials().block(Duration.ofSeconds(1)).accessKeyId()).isEqualTo("id-1");
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMinutes(26));
        assertThat(provider.credentials().block(Duration.ofSeconds(1)).accessKeyId())
                .as("inside the refresh window the current credentials are still served").isEqualTo("id-1");
        assertThat(fetches).as("while one background refresh runs").hasValue(2);
        assertThat(provider.credentials().block(Duration.ofSeconds(1)).accessKeyId()).isEqualTo("id-2");

        clock.advance(Duration.ofHours(2));
        assertThat(provider.credentials().block(Duration.ofSeconds(1)).accessKeyId())
                .as("expired credentials are never handed out").isEqualTo("id-3");
    }

    @Test
    void fetchesAgainAfterAFailedFetch() {
        AtomicInteger fetches = new AtomicInteger();
        CredentialsProvider provider = new RefreshingCredentialsProvider(() -> fetches.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("sts down"))
                : Mono.just(Credentials.of("id", "secret")), Duration.ofMinutes(5), Clock.systemUTC());
        StepVerifier.create(provider.credentials()).expectErrorMessage("sts down").verify(Duration.ofSeconds(5));
        StepVerifier.create(provider.credentials()).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
    }

    private static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(at -> at.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
