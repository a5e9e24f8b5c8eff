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
 */
record OssRequest(
        String operation, HttpMethod method, @Nullable String bucket, @Nullable String key, List<QueryParam> query,
        Map<String, String> headers, @Nullable UploadBody body, @Nullable ProgressListener progress) {

    OssRequest {
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
    }

    static OssRequest of(String operation, HttpMethod method, @Nullable String bucket, @Nullable String key) {
        return new OssRequest(operation, method, bucket, key, List.of(), Map.of(), null, null);
    }

    OssRequest query(List<QueryParam> query) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress);
    }

    OssRequest headers(Map<String, String> headers) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress);
    }

    OssRequest body(UploadBody body, @Nullable ProgressListener progress) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress);
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
