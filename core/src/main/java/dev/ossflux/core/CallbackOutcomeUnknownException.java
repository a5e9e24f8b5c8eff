package dev.ossflux.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The response to an upload that carried a callback was lost after its whole body had been sent (a
 * dropped connection, a response timeout, a server error), and OSS does not say whether it called
 * back. ossflux does not resend such a request blindly, since a resend would store the object again
 * and make a second callback. Instead it asked OSS whether the object now holds exactly the bytes
 * sent, written after the attempt began:
 *
 * <ul>
 *   <li>when it does, {@link #result()} describes the stored object (its ETag, CRC-64 and size,
 *       without a callback reply): the upload succeeded, and the callback may or may not have been
 *       made, at most once;</li>
 *   <li>when OSS could not be asked, {@link #result()} is empty: the object may or may not be
 *       stored.</li>
 * </ul>
 *
 * <p>When OSS holds no such object, nothing was stored and no callback ran, so the request is
 * resent instead and this exception does not arise. {@link #getCause()} is the failure that lost
 * the response.
 */
public final class CallbackOutcomeUnknownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable UploadResult result;

    public CallbackOutcomeUnknownException(@Nullable UploadResult result, Throwable cause) {
        super(describe(result, cause), cause);
        this.result = result;
    }

    /** The stored object as OSS reported it after the failure, when it could be asked. */
    public Optional<UploadResult> result() {
        return Optional.ofNullable(result);
    }

    private static String describe(@Nullable UploadResult result, Throwable cause) {
        return (result == null
                ? "the response to an upload with a callback was lost and OSS could not be asked whether it stored "
                + "the object; it may be stored, and its callback may have been made"
                : "the response to an upload with a callback was lost; OSS holds the object (ETag " + result.etag()
                + ", CRC-64 " + result.crc64Text() + ") but does not say whether it called back")
                + ": " + cause;
    }
}
