package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class TransferBudgetTest {

    @Test
    void admitsWhileThereIsRoomThenServesWaitersInArrivalOrder() {
        TransferBudget budget = new TransferBudget(100, 10);
        List<String> order = new CopyOnWriteArrayList<>();
        TransferPermit big = budget.acquire(80).block(Duration.ofSeconds(1));
        Disposable large = budget.acquire(60).subscribe(permit -> order.add("large"));
        Disposable small = budget.acquire(10).subscribe(permit -> order.add("small"));

        assertThat(order).as("the small one waits behind the large one, though it would fit").isEmpty();
        big.release();
        assertThat(order).containsExactly("large", "small");
        assertThat(budget.bytesInUse()).isEqualTo(70);
        large.dispose();
        small.dispose();
    }

    @Test
    void capsRequestsInFlight() {
        TransferBudget budget = new TransferBudget(1000, 2);
        TransferPermit first = budget.acquire(0).block(Duration.ofSeconds(1));
        budget.acquire(0).block(Duration.ofSeconds(1));
        StepVerifier.create(budget.acquire(0))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(50))
                .then(first::release)
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void admitsARequestLargerThanTheBudgetAlone() {
        TransferBudget budget = new TransferBudget(100, 10);
        TransferPermit whole = budget.acquire(500).block(Duration.ofSeconds(1));
        assertThat(whole.bytes()).isEqualTo(100);
        StepVerifier.create(budget.acquire(1)).expectSubscription().expectNoEvent(Duration.ofMillis(30))
                .then(whole::release).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
    }

    @Test
    void givesBackTheRoomOfACancelledWaiterAndReleasesOnlyOnce() {
        TransferBudget budget = new TransferBudget(100, 10);
        TransferPermit held = budget.acquire(100).block(Duration.ofSeconds(1));
        Disposable waiting = budget.acquire(50).subscribe();
        waiting.dispose();
        held.release();
        held.release();
        assertThat(budget.bytesInUse()).isZero();
        assertThat(budget.requestsInUse()).isZero();
    }

    @Test
    void neverExceedsTheBudgetUnderConcurrentUse() {
        TransferBudget budget = new TransferBudget(1000, 50);
        List<Mono<Long>> uses = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long bytes = (i * 37) % 400;
            Duration hold = Duration.ofNanos(i % 3 * 100_000);
            uses.add(Mono.usingWhen(budget.acquire(bytes),
                    permit -> Mono.fromSupplier(budget::bytesInUse).delayElement(hold),
                    permit -> Mono.fromRunnable(permit::release)));
        }
        List<Long> seen = Flux.merge(Flux.fromIterable(uses).map(use -> use.subscribeOn(Schedulers.parallel())), 256)
                .collectList().block(Duration.ofSeconds(20));
        assertThat(seen).hasSize(2000).allSatisfy(inUse -> assertThat(inUse).isLessThanOrEqualTo(1000));
        assertThat(budget.peakBytes()).isLessThanOrEqualTo(1000).isGreaterThan(400);
        assertThat(budget.bytesInUse()).isZero();
    }
}
