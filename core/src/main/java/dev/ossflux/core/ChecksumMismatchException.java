package dev.ossflux.core;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What OSS reports having stored differs from what the client sent: a CRC-64 or ETag that does
 * not match, or a response that omits the checksum needed to confirm the upload. The object may
 * exist on OSS in a corrupted form; upload it again.
 */
public final class ChecksumMismatchException extends OssException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    public ChecksumMismatchException(String checksum, String expected, String actual, @Nullable String requestId) {
        super(200, checksum + "Mismatch", checksum + " sent " + expected + " but OSS reported " + actual,
                requestId, null, null, Map.of());
        this.expected = expected;
        this.actual = actual;
    }

    /** The checksum of the bytes the client sent. */
    public String expected() {
        return expected;
    }

    /** What the server reported ({@code "none"} when it sent no checksum). */
    public String actual() {
        return actual;
    }
}
