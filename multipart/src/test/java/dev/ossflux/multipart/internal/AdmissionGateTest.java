package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.internal.budget.TransferBudget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class AdmissionGateTest {

    @Test
    void readsTheSourceOnlyAsFastAsTheBudgetAdmits() {
        TransferBudget budget = new TransferBudget(300, 100);
        AtomicInteger pulled = new AtomicInteger();
        Flux<Integer> source = Flux.range(1, 10).doOnNext(n -> pulled.incrementAndGet());

        StepVerifier.create(AdmissionGate.admit(source, budget, n -> 100), 10)
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
        TransferBudget budget = new TransferBudget(250, 100);
        StepVerifier.create(AdmissionGate.admit(Flux.range(1, 5), budget, n -> n * 50L)
                        .doOnNext(admitted -> {
                            assertThat(admitted.permit().bytes()).isEqualTo(admitted.item() * 50L);
                            admitted.release();
                        }))
                .expectNextCount(5)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(budget.bytesInUse()).isZero();
    }

    @Test
    void givesBackRoomGrantedForItemsThatNeverCame() {
        TransferBudget budget = new TransferBudget(1000, 100);
        StepVerifier.create(AdmissionGate.admit(Flux.just(1), budget, n -> 100), 5)
                .assertNext(admitted -> admitted.release())
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(budget.bytesInUse()).isZero();
        assertThat(budget.requestsInUse()).isZero();

        StepVerifier.create(AdmissionGate.admit(Flux.<Integer>never(), budget, n -> 100), 3)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(20))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(budget.bytesInUse()).isZero();
    }
}
