package dev.ossflux.multipart.internal;

import dev.ossflux.core.internal.budget.TransferBudget;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntToLongFunction;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.SignalType;

/**
 * Pairs each item of a source with room in the transfer budget and asks the source for the n-th
 * item only once room for {@code bytes(n)} is granted: a stream is read no faster than the budget
 * lets its parts go out, instead of being buffered ahead of it.
 */
final class AdmissionGate<T> extends BaseSubscriber<T> {

    /** An item and the budget room it holds; release the permit once the item is sent. */
    record Admitted<T>(T item, TransferBudget.@Nullable Permit permit) {
        void release() {
            if (permit != null) {
                permit.release();
            }
        }
    }

    /** The most items asked for ahead of time, however large a downstream request. */
    private static final int MAX_AHEAD = 1024;

    private final FluxSink<Admitted<T>> sink;
    private final TransferBudget budget;
    private final IntToLongFunction bytes;
    private final Queue<TransferBudget.Permit> granted = new ConcurrentLinkedQueue<>();
    private final Disposable.Composite waiting = Disposables.composite();
    private volatile boolean stopped;
    private int asked;

    private AdmissionGate(FluxSink<Admitted<T>> sink, TransferBudget budget, IntToLongFunction bytes) {
        this.sink = sink;
        this.budget = budget;
        this.bytes = bytes;
    }

    /** The items of {@code source}, the n-th (1-based) admitted with {@code bytes.applyAsLong(n)}. */
    static <T> Flux<Admitted<T>> admit(Flux<T> source, TransferBudget budget, IntToLongFunction bytes) {
        if (budget.isUnlimited()) {
            return source.map(item -> new Admitted<>(item, null));
        }
        return Flux.create(sink -> {
            AdmissionGate<T> gate = new AdmissionGate<>(sink, budget, bytes);
            sink.onDispose(gate::stop);
            source.subscribe(gate);
            sink.onRequest(gate::demand);
        });
    }

    private void demand(long n) {
        long ahead = Math.min(n, MAX_AHEAD);
        for (long i = 0; i < ahead; i++) {
            waiting.add(budget.acquire(bytes.applyAsLong(++asked)).subscribe(permit -> {
                granted.add(permit);
                if (stopped) {
                    releaseUnused();
                } else {
                    request(1);
                }
            }));
        }
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        // nothing is requested until the budget grants room
    }

    @Override
    protected void hookOnNext(T item) {
        sink.next(new Admitted<>(item, granted.poll()));
    }

    @Override
    protected void hookOnComplete() {
        sink.complete();
    }

    @Override
    protected void hookOnError(Throwable error) {
        sink.error(error);
    }

    @Override
    protected void hookFinally(SignalType type) {
        stop();
    }

    private void stop() {
        stopped = true;
        cancel();
        waiting.dispose();
        releaseUnused();
    }

    private void releaseUnused() {
        TransferBudget.Permit unused;
        while ((unused = granted.poll()) != null) {
            unused.release();
        }
    }
}
