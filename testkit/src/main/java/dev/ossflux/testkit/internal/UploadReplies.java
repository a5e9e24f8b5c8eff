package dev.ossflux.testkit.internal;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.Names;
import dev.ossflux.core.internal.callback.CallbackHeaders;
import dev.ossflux.testkit.Operation;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** What PutObject and CompleteMultipartUpload share: object attributes from headers, and the callback step. */
final class UploadReplies {

    private static final String[] ATTRIBUTES = {"cache-control", "content-disposition", "content-encoding",
        "expires", "x-oss-forbid-overwrite"};

    private final CallbackDispatcher callbacks;

    UploadReplies(CallbackDispatcher callbacks) {
        this.callbacks = callbacks;
    }

    static String validKey(String key) {
        try {
            return Names.requireKey(key);
        } catch (IllegalArgumentException e) {
            throw new OssError(400, "InvalidObjectName", "The specified object is not valid.")
                    .field("ObjectName", key).ec("0016-00000005");
        }
    }

    /** Object attributes come from request headers, or from a PostObject form's fields, by lower-case name. */
    static String contentType(Map<String, String> fields) {
        String type = fields.get("content-type");
        return type == null || type.isBlank() ? "application/octet-stream" : type.trim();
    }

    static Map<String, String> userMetadata(Map<String, String> fields) {
        Map<String, String> metadata = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("x-oss-meta-")) {
                metadata.put(name.substring("x-oss-meta-".length()), value);
            }
        });
        return metadata;
    }

    static Map<String, String> attributes(Map<String, String> fields) {
        Map<String, String> attributes = new TreeMap<>();
        for (String name : ATTRIBUTES) {
            String value = fields.get(name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        return attributes;
    }

    static String storageClass(Map<String, String> fields) {
        String storage = fields.get("x-oss-storage-class");
        return storage == null ? "Standard" : storage;
    }

    static boolean forbidOverwrite(@Nullable String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    static OssError fileAlreadyExists(String key) {
        return new OssError(409, "FileAlreadyExists", "The object you specified already exists and can not be "
                + "overwritten.").field("Key", key).ec("0016-00000404");
    }

    /** The request's callback, checked before anything is stored; null when it has none. */
    static @Nullable Callback callback(Exchange ex) {
        String header = ex.header("x-oss-callback");
        String query = ex.target.param("callback");
        if (header != null && query != null) {
            throw OssError.invalidArgument("Specify the callback either in headers or in the query, not both.");
        }
        String parameters = header != null ? header : query;
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        String variables = header != null ? ex.header("x-oss-callback-var") : ex.target.param("callback-var");
        return decode(parameters, variables, Map.of());
    }

    /**
     * A PostObject form's callback, from its {@code callback} and {@code callback-var} fields and its
     * {@code x:} fields (fields by lower-case name); null when it has none.
     */
    static @Nullable Callback formCallback(Map<String, String> fields) {
        String parameters = fields.get("callback");
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        Map<String, String> variables = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("x:")) {
                variables.put(name, value);
            }
        });
        return decode(parameters, fields.get("callback-var"), variables);
    }

    private static Callback decode(String parameters, @Nullable String variablesJson, Map<String, String> more) {
        try {
            Callback callback = CallbackHeaders.decode(parameters, variablesJson);
            if (more.isEmpty()) {
                return callback;
            }
            Callback.Builder builder = callback.toBuilder();
            more.forEach(builder::variable);
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw OssError.invalidArgument(e.getMessage()).ec("0007-00000004");
        }
    }

    /** Calls back and answers: 200 with the reply, or 203 {@code CallbackFailed}; upload headers are already set. */
    Mono<Void> callBack(Exchange ex, Callback callback, String bucket, String key, String etag, long size,
            String mimeType, long crc64, String contentMd5, Operation operation) {
        InetSocketAddress remote = ex.request.remoteAddress();
        String clientIp = remote == null ? "" : remote.getAddress().getHostAddress();
        Map<String, String> variables = CallbackBody.systemVariables(bucket, key, etag, size, mimeType, crc64,
                contentMd5, clientIp, ex.requestId, operation.ossName());
        String body = CallbackBody.render(callback, variables);
        return callbacks.dispatch(callback, body, operation, bucket, key).flatMap(outcome -> outcome.ok()
                ? Replies.bytes(ex, 200, "application/json", outcome.reply())
                : Replies.error(ex, new OssError(203, "CallbackFailed", outcome.failure()).ec("0007-00000203")));
    }
}
