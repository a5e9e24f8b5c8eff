package dev.ossflux.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * What one client may have in flight: bytes of request bodies and requests, shared by every upload
 * (PutObjects and parts alike), as set with {@link OssClient.Builder#maxBytesInFlight(long)} and
 * {@link OssClient.Builder#maxRequestsInFlight(int)}. Waiters are served strictly in arrival order,
 * so a large request is not starved by a stream of small ones and small ones wait at most behind one
 * large one. A request asking for more bytes than the whole budget is admitted alone, with the whole
 * budget.
 *
 * <p>A caller that must hold bytes in memory before it can send them (a part cut from a stream)
 * {@linkplain #reserve(long) reserves} room first, reads, then sends the body
 * {@linkplain UploadBody#within(TransferPermit) within} the permit:
 *
 * <pre>{@code
 * Mono<UploadedPart> part = client.transferBudget().reserve(partSize).flatMap(permit ->
 *         readPart(partSize).flatMap(bytes -> client.uploadPart(upload, number,
 *                         UploadBody.fromByteBuffer(bytes).within(permit)))
 *                 .doFinally(signal -> permit.release()));
 * }</pre>
 */
public final class TransferBudget {

    private final long maxBytes;
    private final int maxRequests;
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private final AtomicLong peakBytes = new AtomicLong();
    private long bytesInUse;
    private int requestsInUse;

    TransferBudget(long maxBytes, int maxRequests) {
        if (maxBytes < 1 || maxRequests < 1) {
            throw new IllegalArgumentException("budget: bytes and requests must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxRequests = maxRequests;
    }

    /** The most request-body bytes in flight at once ({@code Long.MAX_VALUE} when unlimited). */
    public long maxBytes() {
        return maxBytes;
    }

    /** The most upload requests in flight at once ({@code Integer.MAX_VALUE} when unlimited). */
    public int maxRequests() {
        return maxRequests;
    }

    /** Whether this budget limits anything; without limits nothing waits and nothing is counted. */
    public boolean isLimited() {
        return !isUnlimited();
    }

    private boolean isUnlimited() {
        return maxBytes == Long.MAX_VALUE && maxRequests == Integer.MAX_VALUE;
    }

    /** {@code send}, subscribed once the budget has room for {@code bytes}, which it holds until {@code send} ends. */
    <T> Mono<T> admit(long bytes, Mono<T> send) {
        if (isUnlimited()) {
            return send;
        }
        return Mono.usingWhen(acquire(bytes), permit -> send, permit -> Mono.fromRunnable(permit::release));
    }

    /**
     * Room for {@code bytes} (at most the whole budget), granted in line with the client's own uploads
     * and held until the permit is released; granted at once when the budget is unlimited. Cancelling
     * gives up the place in line.
     */
    public Mono<TransferPermit> reserve(long bytes) {
        if (bytes < 0) {
            return Mono.error(new IllegalArgumentException("bytes: must not be negative, got " + bytes));
        }
        return isUnlimited() ? Mono.fromSupplier(() -> new TransferPermit(bytes, () -> { })) : acquire(bytes);
    }

    /** Admits one request carrying {@code bytes} of body once the budget has room; cancelling gives up the place. */
    Mono<TransferPermit> acquire(long bytes) {
        long wanted = Math.min(Math.max(bytes, 0), maxBytes);
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(wanted, sink);
            boolean granted;
            synchronized (this) {
                granted = waiters.isEmpty() && fits(wanted);
                if (granted) {
                    take(wanted);
                } else {
                    waiters.addLast(waiter);
                }
            }
            if (granted) {
                waiter.grant(this);
            } else {
                sink.onCancel(() -> cancel(waiter));
            }
        });
    }

    /** Request-body bytes held right now. */
    public synchronized long bytesInUse() {
        return bytesInUse;
    }

    /** Upload requests holding room right now. */
    public synchronized int requestsInUse() {
        return requestsInUse;
    }

    /** The most bytes ever held at once. */
    public long peakBytes() {
        return peakBytes.get();
    }

    private boolean fits(long bytes) {
        return bytesInUse + bytes <= maxBytes && requestsInUse < maxRequests;
    }

    private void take(long bytes) {
        bytesInUse += bytes;
        requestsInUse++;
        peakBytes.accumulateAndGet(bytesInUse, Math::max);
    }

    private void release(long bytes) {
        Deque<Waiter> ready = new ArrayDeque<>();
        synchronized (this) {
            bytesInUse -= bytes;
            requestsInUse--;
            while (!waiters.isEmpty() && fits(waiters.peekFirst().bytes)) {
                Waiter next = waiters.pollFirst();
                take(next.bytes);
                ready.add(next);
            }
        }
        ready.forEach(waiter -> waiter.grant(this));
    }

    private void cancel(Waiter waiter) {
        boolean waiting;
        synchronized (this) {
            waiting = waiters.remove(waiter);
        }
        if (!waiting) {
            waiter.cancelledAfterGrant();
        }
    }

    @Override
    public String toString() {
        return "TransferBudget[maxBytes=" + maxBytes + ", maxRequests=" + maxRequests + "]";
    }

    private static final class Waiter {
        final long bytes;
        final MonoSink<TransferPermit> sink;
        private volatile TransferPermit permit;
        private final AtomicBoolean done = new AtomicBoolean();

        Waiter(long bytes, MonoSink<TransferPermit> sink) {
            this.bytes = bytes;
            this.sink = sink;
        }

        void grant(TransferBudget budget) {
            TransferPermit granted = new TransferPermit(bytes, () -> budget.release(bytes));
            permit = granted;
            if (done.compareAndSet(false, true)) {
                sink.success(granted);
            } else {
                granted.release();
            }
        }

        /** A cancel that raced with the grant: the permit will never be used, so give it back. */
        void cancelledAfterGrant() {
            if (done.compareAndSet(false, true)) {
                TransferPermit granted = permit;
                if (granted != null) {
                    granted.release();
                }
            }
        }
    }
}
