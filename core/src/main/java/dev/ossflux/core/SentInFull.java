package dev.ossflux.core;

import java.time.Instant;

/**
 * An attempt of a request that carries a callback failed after handing its whole body to the
 * connection: OSS may have stored the object and called back, so the outcome must be looked up
 * before anything is resent. Internal; never reaches a caller.
 */
final class SentInFull extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long bytes;
    private final long crc64;
    private final transient Instant attemptStarted;

    SentInFull(Throwable failure, long bytes, long crc64, Instant attemptStarted) {
        super(failure.toString(), failure, false, false);
        this.bytes = bytes;
        this.crc64 = crc64;
        this.attemptStarted = attemptStarted;
    }

    long bytes() {
        return bytes;
    }

    long crc64() {
        return crc64;
    }

    Instant attemptStarted() {
        return attemptStarted;
    }
}
