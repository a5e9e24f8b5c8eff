package dev.ossflux.multipart.internal;

import dev.ossflux.core.TransferPermit;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntToLongFunction;
import java.util.function.LongFunction;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Pairs each item of a source with room reserved in the client's transfer budget and asks the source
 * for the n-th item only once room for {@code bytes(n)} is granted: a stream is read no faster than
 * the budget lets its parts go out, instead of being buffered ahead of it.
 */
final class AdmissionGate<T> extends BaseSubscriber<T> {

    /** An item and the budget room it holds; release the permit once the item is sent. */
    record Admitted<T>(T item, TransferPermit permit) {
    }

    /** The most items asked for ahead of time, however large a downstream request. */
    private static final int MAX_AHEAD = 1024;

    private final FluxSink<Admitted<T>> sink;
    private final LongFunction<Mono<TransferPermit>> reserve;
    private final IntToLongFunction bytes;
    private final Queue<TransferPermit> granted = new ConcurrentLinkedQueue<>();
    private final Disposable.Composite waiting = Disposables.composite();
    private volatile boolean stopped;
    private int asked;

    private AdmissionGate(FluxSink<Admitted<T>> sink, LongFunction<Mono<TransferPermit>> reserve,
            IntToLongFunction bytes) {
        this.sink = sink;
        this.reserve = reserve;
        this.bytes = bytes;
    }

    /**
     * The items of {@code source}, the n-th (1-based) admitted with room for {@code bytes.applyAsLong(n)}
     * reserved by {@code reserve} (such as {@code TransferBudget::reserve}).
     */
    static <T> Flux<Admitted<T>> admit(Flux<T> source, LongFunction<Mono<TransferPermit>> reserve,
            IntToLongFunction bytes) {
        return Flux.create(sink -> {
            AdmissionGate<T> gate = new AdmissionGate<>(sink, reserve, bytes);
            sink.onDispose(gate::stop);
            source.subscribe(gate);
            sink.onRequest(gate::demand);
        });
    }

    private void demand(long n) {
        long ahead = Math.min(n, MAX_AHEAD);
        for (long i = 0; i < ahead; i++) {
            waiting.add(reserve.apply(bytes.applyAsLong(++asked)).subscribe(permit -> {
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
        TransferPermit unused;
        while ((unused = granted.poll()) != null) {
            unused.release();
        }
    }
}
