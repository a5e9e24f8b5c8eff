package dev.ossflux.benchmarks.load;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/** What a request to the stub server asks for, read from its method and path-style URI. */
record StubRequest(HttpMethod method, String bucket, String key, Map<String, List<String>> query) {

    static StubRequest of(HttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path().startsWith("/") ? uri.path().substring(1) : uri.path();
        int slash = path.indexOf('/');
        return new StubRequest(request.method(), slash < 0 ? path : path.substring(0, slash),
                slash < 0 ? "" : path.substring(slash + 1), uri.parameters());
    }

    boolean isPutObject() {
        return method == HttpMethod.PUT && !key.isEmpty() && query.isEmpty();
    }

    boolean isUploadPart() {
        return method == HttpMethod.PUT && query.containsKey("partNumber") && query.containsKey("uploadId");
    }

    boolean isInitiate() {
        return method == HttpMethod.POST && query.containsKey("uploads");
    }

    boolean isComplete() {
        return method == HttpMethod.POST && query.containsKey("uploadId");
    }

    boolean isAbort() {
        return method == HttpMethod.DELETE && query.containsKey("uploadId");
    }

    String uploadId() {
        return query.get("uploadId").get(0);
    }

    int partNumber() {
        return Integer.parseInt(query.get("partNumber").get(0));
    }
}
