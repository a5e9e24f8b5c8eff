package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.TransferBudget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class AdmissionGateTest {

    @Test
    void readsTheSourceOnlyAsFastAsTheBudgetAdmits() {
        TransferBudget budget = budget(300);
        AtomicInteger pulled = new AtomicInteger();
        Flux<Integer> source = Flux.range(1, 10).doOnNext(n -> pulled.incrementAndGet());

        StepVerifier.create(AdmissionGate.admit(source, budget::reserve, n -> 100), 10)
                .expectNextCount(3)
                .expectNoEvent(Duration.ofMillis(50))
                .then(() -> {
                    assertThat(pulled).as("only what the budget admitted was read").hasValue(3);
                    assertThat(budget.bytesInUse()).isEqualTo(300);
                })
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void hasEveryItemHoldItsRoomUntilReleased() {
        TransferBudget budget = budget(250);
        StepVerifier.create(AdmissionGate.admit(Flux.range(1, 5), budget::reserve, n -> n * 50L)
                        .doOnNext(admitted -> {
                            assertThat(admitted.permit().bytes()).isEqualTo(admitted.item() * 50L);
                            admitted.permit().release();
                        }))
                .expectNextCount(5)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(budget.bytesInUse()).isZero();
    }

    @Test
    void givesBackRoomGrantedForItemsThatNeverCame() {
        TransferBudget budget = budget(1000);
        StepVerifier.create(AdmissionGate.admit(Flux.just(1), budget::reserve, n -> 100), 5)
                .assertNext(admitted -> admitted.permit().release())
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(budget.bytesInUse()).isZero();
        assertThat(budget.requestsInUse()).isZero();

        StepVerifier.create(AdmissionGate.admit(Flux.<Integer>never(), budget::reserve, n -> 100), 3)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(20))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(budget.bytesInUse()).isZero();
    }

    /** The budget of a client that is never used to send anything. */
    private static TransferBudget budget(long bytes) {
        return OssClient.builder().endpoint("http://127.0.0.1:9").maxBytesInFlight(bytes).maxRequestsInFlight(100)
                .build().transferBudget();
    }
}
