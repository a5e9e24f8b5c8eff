package dev.ossflux.samples.webflux;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.callback.CallbackReply;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /uploads} answers: the stored object, the callback reply OSS relayed from
 * {@code /oss/callback} and, when the callback failed, why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"bucket", "key", "etag", "crc64", "size", "callback", "callbackError"})
record UploadResponse(
        String bucket, String key, String etag, String crc64, long size, @Nullable Map<String, Object> callback,
        @Nullable String callbackError) {

    static UploadResponse stored(UploadResult result) {
        return new UploadResponse(result.bucket(), result.key(), result.etag(), result.crc64Text(), result.size(),
                result.callbackReply().map(CallbackReply::json).orElse(null), null);
    }

    /** The object was stored but OSS got no acceptable answer from the callback URL. */
    static UploadResponse callbackFailed(UploadResult result, String error) {
        return new UploadResponse(result.bucket(), result.key(), result.etag(), result.crc64Text(), result.size(),
                null, error);
    }
}
