package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.retry.Retry;

/** The backoff runs on virtual time: each test checks when every attempt started, to the millisecond. */
class RetryPolicyTest {

    private static final OssRequest REPLAYABLE = OssRequest.of("PutObject", HttpMethod.PUT, "bucket", "key");

    /** The virtual times (ms) at which attempts were subscribed. */
    private final List<Long> attempts = new CopyOnWriteArrayList<>();

    @Test
    void waitsTheBackoffBeforeEachRetryDoublingItEveryTime() {
        StepVerifier.withVirtualTime(() -> policy(3).apply(REPLAYABLE,
                        attempt(n -> n < 4 ? Mono.error(new IOException("attempt " + n)) : Mono.just("stored"))))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(6999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("stored")
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(attempts).containsExactly(0L, 1000L, 3000L, 7000L);
    }

    @Test
    void failsWithTheLastAttemptsOwnErrorOnceTheRetriesAreSpent() {
        StepVerifier.withVirtualTime(() -> policy(2).apply(REPLAYABLE,
                        attempt(n -> Mono.<String>error(new IOException("attempt " + n)))))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(3))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IOException.class)
                        .hasMessage("attempt 3"))
                .verify(Duration.ofSeconds(5));
        assertThat(attempts).containsExactly(0L, 1000L, 3000L);
    }

    @Test
    void neverResendsABodyThatCanBeReadOnlyOnce() {
        OssRequest once = REPLAYABLE.body(UploadBody.fromPublisher(Flux.<ByteBuffer>empty(), 0), null);
        StepVerifier.withVirtualTime(() -> policy(3).apply(once,
                        attempt(n -> Mono.<String>error(new IOException("attempt " + n)))))
                .expectSubscription()
                .expectErrorMessage("attempt 1")
                .verify(Duration.ofSeconds(5));
        assertThat(attempts).containsExactly(0L);
    }

    @Test
    void resendsARequestWhoseConnectionClosedBeforeItsBodyWasWritten() {
        StepVerifier.withVirtualTime(() -> policy(1).apply(REPLAYABLE,
                        attempt(n -> n == 1 ? Mono.error(AbortedException.beforeSend()) : Mono.just("stored"))))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("stored")
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(attempts).containsExactly(0L, 1000L);
    }

    @Test
    void failsAtOnceOnAnErrorThatIsNotWorthRetrying() {
        StepVerifier.withVirtualTime(() -> policy(3).apply(REPLAYABLE,
                        attempt(n -> Mono.<String>error(new NoSuchFileException("part.bin")))))
                .expectSubscription()
                .expectError(NoSuchFileException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(attempts).containsExactly(0L);
    }

    /** Retries {@code retries} times, from 1 s doubling, without jitter; built on the virtual clock. */
    private static RetryPolicy policy(int retries) {
        return new RetryPolicy(Retry.backoff(retries, Duration.ofSeconds(1)).jitter(0),
                new AttemptObserver(TransferObserver.NONE));
    }

    /** An attempt whose n-th subscription (from 1) answers {@code outcome.apply(n)}, recording when it began. */
    private Mono<String> attempt(IntFunction<Mono<String>> outcome) {
        return Mono.defer(() -> {
            attempts.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
            return outcome.apply(attempts.size());
        });
    }
}
