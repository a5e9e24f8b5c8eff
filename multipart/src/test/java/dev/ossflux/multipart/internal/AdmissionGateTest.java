package dev.ossflux.multipart.internal;

import static dev.ossflux.multipart.internal.ProbeClient.budget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.TransferBudget;
import dev.ossflux.multipart.internal.AdmissionGate.Admitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/** The source is a {@link TestPublisher}: it fails the test if it is asked to emit beyond the demand it got. */
class AdmissionGateTest {

    private final TestPublisher<Integer> source = TestPublisher.create();

    @Test
    void asksTheSourceOnlyForWhatTheBudgetAdmits() {
        TransferBudget budget = budget(300);
        List<Admitted<Integer>> admitted = new ArrayList<>();

        StepVerifier.create(AdmissionGate.admit(source.flux(), budget::reserve, n -> 100), 10)
                .then(() -> {
                    source.assertMinRequested(3).assertMaxRequested(3);
                    assertThat(budget.bytesInUse()).isEqualTo(300);
                })
                .then(() -> source.next(1, 2, 3))
                .recordWith(() -> admitted)
                .expectNextCount(3)
                .then(() -> source.assertMaxRequested(0))
                .then(() -> admitted.get(0).permit().release())
                .then(() -> source.assertMinRequested(1).assertMaxRequested(1))
                .then(() -> source.next(4))
                .expectNextMatches(item -> item.item() == 4)
                .then(() -> source.assertMaxRequested(0))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        source.assertCancelled();
    }

    @Test
    void asksForNothingBeforeDownstreamDoes() {
        StepVerifier.create(AdmissionGate.admit(source.flux(), budget(1000)::reserve, n -> 100), 0)
                .then(() -> source.assertMaxRequested(0))
                .thenRequest(2)
                .then(() -> source.assertMinRequested(2).assertMaxRequested(2))
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

        StepVerifier.create(AdmissionGate.admit(source.flux(), budget::reserve, n -> 100), 3)
                .then(() -> assertThat(budget.bytesInUse()).as("room granted ahead of the items").isEqualTo(300))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        source.assertCancelled();
        assertThat(budget.bytesInUse()).isZero();
        assertThat(budget.requestsInUse()).isZero();
    }
}
