package dev.ossflux.core.internal.budget;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Caps what one client has in flight: bytes of request bodies and requests, shared by every upload
 * (PutObjects and parts alike). Waiters are served strictly in arrival order, so a large request is
 * not starved by a stream of small ones and small ones wait at most behind one large one. A request
 * asking for more bytes than the whole budget is admitted alone, with the whole budget.
 */
public final class TransferBudget {

    /**
     * Reactor context key marking requests whose bytes were admitted earlier, by a caller that had to
     * hold them before sending (a stream's parts are admitted before they are cut).
     */
    public static final String ADMITTED = "ossflux.budget.admitted";

    private final long maxBytes;
    private final int maxRequests;
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private final AtomicLong peakBytes = new AtomicLong();
    private long bytesInUse;
    private int requestsInUse;

    public TransferBudget(long maxBytes, int maxRequests) {
        if (maxBytes < 1 || maxRequests < 1) {
            throw new IllegalArgumentException("budget: bytes and requests must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxRequests = maxRequests;
    }

    public static TransferBudget unlimited() {
        return new TransferBudget(Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public boolean isUnlimited() {
        return maxBytes == Long.MAX_VALUE && maxRequests == Integer.MAX_VALUE;
    }

    /** Admits one request carrying {@code bytes} of body once the budget has room; cancelling gives up the place. */
    public Mono<Permit> acquire(long bytes) {
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

    public synchronized long bytesInUse() {
        return bytesInUse;
    }

    public synchronized int requestsInUse() {
        return requestsInUse;
    }

    /** The most bytes ever in use at once. */
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

    /** A place in the budget; {@link #release()} gives it back (once, however often it is called). */
    public static final class Permit {
        private final TransferBudget budget;
        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(TransferBudget budget, long bytes) {
            this.budget = budget;
            this.bytes = bytes;
        }

        public long bytes() {
            return bytes;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                budget.release(bytes);
            }
        }
    }

    private static final class Waiter {
        final long bytes;
        final MonoSink<Permit> sink;
        private volatile Permit permit;
        private final AtomicBoolean done = new AtomicBoolean();

        Waiter(long bytes, MonoSink<Permit> sink) {
            this.bytes = bytes;
            this.sink = sink;
        }

        void grant(TransferBudget budget) {
            Permit granted = new Permit(budget, bytes);
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
                Permit granted = permit;
                if (granted != null) {
                    granted.release();
                }
            }
        }
    }
}
