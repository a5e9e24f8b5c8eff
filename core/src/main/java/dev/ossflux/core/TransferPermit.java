package dev.ossflux.core;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Room for request-body bytes in a client's transfer budget, held from {@link TransferBudget#reserve(long)}
 * until {@link #release()}. A caller that must hold bytes in memory before it can send them (a part
 * cut from a stream) reserves room first, reads, and sends the body {@linkplain
 * UploadBody#within(TransferPermit) within} this permit.
 */
public final class TransferPermit {

    private final long bytes;
    private final Runnable onRelease;
    private final AtomicBoolean released = new AtomicBoolean();

    TransferPermit(long bytes, Runnable onRelease) {
        this.bytes = bytes;
        this.onRelease = onRelease;
    }

    /** The bytes this permit holds room for (at most the whole budget). */
    public long bytes() {
        return bytes;
    }

    /** Gives the room back; only the first call counts. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            onRelease.run();
        }
    }

    @Override
    public String toString() {
        return "TransferPermit[" + bytes + " bytes" + (released.get() ? ", released]" : "]");
    }
}
