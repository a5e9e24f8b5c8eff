package dev.ossflux.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the emulator shows for the next {@linkplain #times() n} matching requests, injected
 * with {@link OssEmulator#inject(Operation, Fault)} or {@link OssEmulator#inject(Fault)}.
 *
 * <pre>{@code
 * emulator.inject(Operation.UPLOAD_PART, Fault.status(503, "ServiceUnavailable").times(2));
 * emulator.inject(Fault.callbackStatus(500));
 * }</pre>
 *
 * <p>Request faults ({@link #status}, {@link #delay}, {@link #resetAfterBytes}) act before a request takes
 * effect; response faults ({@link #loseResponse}, {@link #delayResponse}) after it took effect, when the
 * object is stored and the callback made; callback faults ({@link #callbackStatus}, {@link #callbackDelay})
 * apply to the callbacks of PutObject and CompleteMultipartUpload. Faults are immutable values.
 */
public sealed interface Fault {

    /** How many matching requests (or callbacks) show this fault; 1 unless set with {@link #times(int)}. */
    int times();

    /** This fault for the next {@code n} matching requests. */
    Fault times(int n);

    /**
     * Answers with an OSS error: HTTP {@code status} and {@code errorCode}, after reading and
     * discarding the request body; nothing is stored.
     */
    static Fault status(int status, String errorCode) {
        return new Status(status, errorCode, 1);
    }

    /**
     * {@link #status(int, String)} with the usual code: {@code ServiceUnavailable} for 503, else
     * {@code InternalError}.
     */
    static Fault status(int status) {
        return status(status, status == 503 ? "ServiceUnavailable" : "InternalError");
    }

    /** Waits {@code delay} before handling the request (the request then proceeds normally). */
    static Fault delay(Duration delay) {
        return new Delay(delay, 1);
    }

    /**
     * Resets the TCP connection (RST) once {@code bytes} bytes of the request body have arrived, or,
     * for a request without a body, once {@code bytes} bytes of the response body were sent. Nothing
     * is stored.
     */
    static Fault resetAfterBytes(long bytes) {
        return new ResetAfterBytes(bytes, 1);
    }

    /**
     * Handles the request in full (stores the object or part, makes the callback) and then resets the
     * connection without answering, as when a response is lost on its way back: the client cannot tell
     * whether the request took effect.
     */
    static Fault loseResponse() {
        return new LoseResponse(1);
    }

    /**
     * Handles the request in full (stores the object or part, makes the callback) and then waits
     * {@code delay} before answering: past the client's response timeout, the client gives up on a request
     * that took effect. {@link #delay(Duration)} waits before anything is done instead.
     */
    static Fault delayResponse(Duration delay) {
        return new DelayResponse(delay, 1);
    }

    /** Fails the callback without calling the URL, as if it had answered HTTP {@code status}: the upload gets a 203. */
    static Fault callbackStatus(int status) {
        return new CallbackStatus(status, 1);
    }

    /** Delays the callback by {@code delay}; past the callback timeout it fails and the upload gets a 203. */
    static Fault callbackDelay(Duration delay) {
        return new CallbackDelay(delay, 1);
    }

    /** Whether this fault applies to callbacks rather than to requests. */
    default boolean affectsCallback() {
        return this instanceof CallbackStatus || this instanceof CallbackDelay;
    }

    private static int positive(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times: must be positive, got " + times);
        }
        return times;
    }

    /** See {@link Fault#status(int, String)}. */
    record Status(int status, String errorCode, int times) implements Fault {
        public Status {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("status: must be an HTTP status, got " + status);
            }
            Objects.requireNonNull(errorCode, "errorCode");
            positive(times);
        }

        @Override
        public Fault times(int n) {
            return new Status(status, errorCode, n);
        }
    }

    /** See {@link Fault#delay(Duration)}. */
    record Delay(Duration delay, int times) implements Fault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            positive(times);
        }

        @Override
        public Fault times(int n) {
            return new Delay(delay, n);
        }
    }

    /** See {@link Fault#resetAfterBytes(long)}. */
    record ResetAfterBytes(long bytes, int times) implements Fault {
        public ResetAfterBytes {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes: must not be negative, got " + bytes);
            }
            positive(times);
        }

        @Override
        public Fault times(int n) {
            return new ResetAfterBytes(bytes, n);
        }
    }

    /** See {@link Fault#loseResponse()}. */
    record LoseResponse(int times) implements Fault {
        public LoseResponse {
            positive(times);
        }

        @Override
        public Fault times(int n) {
            return new LoseResponse(n);
        }
    }

    /** See {@link Fault#delayResponse(Duration)}. */
    record DelayResponse(Duration delay, int times) implements Fault {
        public DelayResponse {
            Objects.requireNonNull(delay, "delay");
            positive(times);
        }

        @Override
        public Fault times(int n) {
            return new DelayResponse(delay, n);
        }
    }

    /** See {@link Fault#callbackStatus(int)}. */
    record CallbackStatus(int status, int times) implements Fault {
        public CallbackStatus {
            positive(times);
        }

        @Override
        public Fault times(int n) {
            return new CallbackStatus(status, n);
        }
    }

    /** See {@link Fault#callbackDelay(Duration)}. */
    record CallbackDelay(Duration delay, int times) implements Fault {
        public CallbackDelay {
            Objects.requireNonNull(delay, "delay");
            positive(times);
        }

        @Override
        public Fault times(int n) {
            return new CallbackDelay(delay, n);
        }
    }
}
