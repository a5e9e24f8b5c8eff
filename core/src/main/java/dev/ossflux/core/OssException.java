package dev.ossflux.core;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * OSS refused a request: the HTTP status, the OSS error code (such as {@code NoSuchKey}), the
 * request id to quote to Alibaba Cloud support, and every other field of the error body.
 */
public class OssException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;
    private final @Nullable String requestId;
    private final @Nullable String hostId;
    private final @Nullable String ec;
    private final Map<String, String> details;

    public OssException(int statusCode, String errorCode, String message, @Nullable String requestId,
            @Nullable String hostId, @Nullable String ec, Map<String, String> details) {
        super(describe(statusCode, errorCode, message, requestId, ec));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.hostId = hostId;
        this.ec = ec;
        this.details = Map.copyOf(details);
    }

    /** Whether {@code error} is an {@link OssException} with the OSS error code {@code errorCode}. */
    public static boolean hasCode(Throwable error, String errorCode) {
        return error instanceof OssException oss && oss.errorCode.equals(errorCode);
    }

    /** The HTTP status of the response. */
    public int statusCode() {
        return statusCode;
    }

    /** The OSS error code, e.g. {@code NoSuchKey}, {@code SignatureDoesNotMatch}, {@code CallbackFailed}. */
    public String errorCode() {
        return errorCode;
    }

    /** The {@code x-oss-request-id} of the failed request. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<String> hostId() {
        return Optional.ofNullable(hostId);
    }

    /** The detailed error code ({@code x-oss-ec}), e.g. {@code 0026-00000001}. */
    public Optional<String> ec() {
        return Optional.ofNullable(ec);
    }

    /**
     * The remaining leaf elements of the error body (such as {@code Key} or {@code ServerTime}),
     * without the string-to-sign fields, which are dropped as they echo request secrets' inputs.
     */
    public Map<String, String> details() {
        return details;
    }

    private static String describe(int status, String code, String message, @Nullable String requestId,
            @Nullable String ec) {
        return code + " (HTTP " + status + "): " + message
                + (requestId == null ? "" : " [request id " + requestId + "]")
                + (ec == null ? "" : " [EC " + ec + "]");
    }
}
