package dev.ossflux.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waits for a state that nothing announces (a file deleted, a gauge back at zero): polled every 10 ms. */
final class Await {

    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it does not within {@code timeout}. */
    static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + ": not within " + timeout);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
