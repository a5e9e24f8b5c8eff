package dev.ossflux.core;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OSS stored the object but the upload callback failed (HTTP 203 {@code CallbackFailed}): the
 * callback server was unreachable, slow, or did not answer 200 with JSON. The upload itself
 * succeeded; {@link #result()} describes the stored object and {@link #getMessage()} carries the
 * reason OSS gave.
 */
public final class CallbackFailedException extends OssException {

    private static final long serialVersionUID = 1L;

    private final transient UploadResult result;

    public CallbackFailedException(UploadResult result, String message, @Nullable String hostId,
            @Nullable String ec, Map<String, String> details) {
        super(203, "CallbackFailed", message, result.requestId(), hostId, ec, details);
        this.result = result;
    }

    /** The stored object: its ETag, CRC-64 and request id, without a callback reply. */
    public UploadResult result() {
        return result;
    }
}
