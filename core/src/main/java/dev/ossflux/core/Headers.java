package dev.ossflux.core;

import dev.ossflux.core.callback.Callback;
import java.util.HashMap;
import java.util.Map;

/** The request headers that describe an object and its callback. */
final class Headers {

    private Headers() {
    }

    /** Content type, metadata, storage class, ACL and overwrite protection of {@code request}. */
    static Map<String, String> objectAttributes(PutObjectRequest request) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", request.contentType().orElseGet(() -> MediaTypes.guess(request.key())));
        request.metadata().forEach((name, value) -> headers.put("x-oss-meta-" + name, value));
        request.storageClass().ifPresent(storage -> headers.put("x-oss-storage-class", storage.headerValue()));
        request.acl().ifPresent(acl -> headers.put("x-oss-object-acl", acl.headerValue()));
        if (request.forbidOverwrite()) {
            headers.put("x-oss-forbid-overwrite", "true");
        }
        return headers;
    }

    static void addCallback(Map<String, String> headers, Callback callback) {
        headers.put("x-oss-callback", callback.headerValue());
        callback.variablesHeaderValue().ifPresent(vars -> headers.put("x-oss-callback-var", vars));
    }
}
