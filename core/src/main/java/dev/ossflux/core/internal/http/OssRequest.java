package dev.ossflux.core.internal.http;

import dev.ossflux.core.ProgressListener;
import dev.ossflux.core.internal.body.Body;
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
public record OssRequest(
        String operation, HttpMethod method, @Nullable String bucket, @Nullable String key, List<QueryParam> query,
        Map<String, String> headers, @Nullable Body body, @Nullable ProgressListener progress) {

    public OssRequest {
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public static OssRequest of(String operation, HttpMethod method, @Nullable String bucket, @Nullable String key) {
        return new OssRequest(operation, method, bucket, key, List.of(), Map.of(), null, null);
    }

    public OssRequest query(List<QueryParam> query) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress);
    }

    public OssRequest headers(Map<String, String> headers) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress);
    }

    public OssRequest body(Body body, @Nullable ProgressListener progress) {
        return new OssRequest(operation, method, bucket, key, query, headers, body, progress);
    }
}
