package dev.ossflux.core;

import dev.ossflux.core.internal.xml.ErrorBody;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns an OSS failure response into an {@link OssException}. */
final class Errors {

    /** Error fields that echo signing inputs; they stay out of exceptions and logs. */
    private static final Set<String> SIGNING_ECHOES =
            Set.of("StringToSign", "StringToSignBytes", "SignatureProvided", "CanonicalRequest");
    private static final Set<String> WELL_KNOWN = Set.of("Code", "Message", "RequestId", "HostId", "EC");

    private Errors() {
    }

    static ErrorBody errorBody(OssResponse response) {
        ErrorBody body = ErrorBody.parse(response.body());
        if (body.fields().isEmpty()) {
            String encoded = response.header("x-oss-err");
            if (encoded != null) {
                try {
                    body = ErrorBody.parse(Base64.getDecoder().decode(encoded.trim()));
                } catch (IllegalArgumentException notBase64) {
                    return body;
                }
            }
        }
        return body;
    }

    static OssException toException(OssResponse response, String operation) {
        ErrorBody error = errorBody(response);
        String code = error.get("Code");
        String message = error.get("Message");
        if (code == null) {
            code = fallbackCode(response.status());
        }
        if (message == null) {
            message = operation + " failed with HTTP " + response.status();
        }
        String requestId = error.get("RequestId");
        if (requestId == null && !response.requestId().isEmpty()) {
            requestId = response.requestId();
        }
        String ec = error.get("EC");
        if (ec == null) {
            ec = response.header("x-oss-ec");
        }
        return new OssException(response.status(), code, message, requestId, error.get("HostId"), ec,
                details(error));
    }

    static Map<String, String> details(ErrorBody error) {
        Map<String, String> details = new LinkedHashMap<>(error.fields());
        details.keySet().removeAll(SIGNING_ECHOES);
        details.keySet().removeAll(WELL_KNOWN);
        return details;
    }

    private static String fallbackCode(int status) {
        return switch (status) {
            case 304 -> "NotModified";
            case 403 -> "AccessForbidden";
            case 404 -> "NoSuchKey";
            case 412 -> "PreconditionFailed";
            case 416 -> "InvalidRange";
            case 429 -> "TooManyRequests";
            default -> status >= 500 ? "InternalError" : "UnknownError";
        };
    }
}
