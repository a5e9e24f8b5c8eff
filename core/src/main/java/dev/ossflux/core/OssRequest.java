package dev.ossflux.core;

import dev.ossflux.core.internal.sign.QueryParam;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One OSS operation to send: the verb, target, query, headers by lower-case name, and the body.
 *
 * @param operation the OSS operation name, for errors and logs
 * @param expected what the object must turn out to be, for requests that create one
 */
record OssRequest(
        String operation, HttpMethod method, @Nullable String bucket, @Nullable String key, List<QueryParam> query,
        Map<String, String> headers, @Nullable UploadBody body, @Nullable ProgressListener progress,
        @Nullable ExpectedUpload expected) {

    OssRequest {
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
    }

    static OssRequest of(String operation, HttpMethod method, @Nullable String bucket, @Nullable String key) {
        return new OssRequest(operation, method, bucket, key, List.of(), Map.of(), null, null, null);
    }

    OssRequest query(List<QueryParam> query) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress, expected);
    }

    OssRequest headers(Map<String, String> headers) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress, expected);
    }

    OssRequest body(UploadBody body, @Nullable ProgressListener progress) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress, expected);
    }

    /** This request, creating an object that must turn out as {@code expected}. */
    OssRequest expecting(ExpectedUpload expected) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress, expected);
    }

    /**
     * Whether OSS calls the application back when this request stores an object: then a failure after
     * the whole body went out is ambiguous and the request is not resent blindly.
     */
    boolean carriesCallback() {
        return expected != null && expected.withCallback();
    }

    /** Whether a failed attempt may be sent again: its body, if any, can be read twice. */
    boolean replayable() {
        return body == null || body.replayable();
    }

    /** Whether the request carries a body (PUT and POST do, even an empty one). */
    boolean hasBody() {
        return method == HttpMethod.PUT || method == HttpMethod.POST;
    }
}
