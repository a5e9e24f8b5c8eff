package dev.ossflux.samples.webflux;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ossflux.core.callback.VerifiedCallback;
import org.jspecify.annotations.Nullable;

/**
 * The application's answer to a verified callback; OSS hands it to the uploader as the upload's
 * response, so {@code POST /uploads} shows it as {@code callback}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Status", "bucket", "object", "size", "etag", "mimeType", "crc64", "uploadId"})
record CallbackReceipt(
        @JsonProperty("Status") String status, @Nullable String bucket, @Nullable String object,
        @Nullable Long size, @Nullable String etag, @Nullable String mimeType, @Nullable String crc64,
        @Nullable String uploadId) {

    static CallbackReceipt of(VerifiedCallback callback) {
        return new CallbackReceipt("OK",
                callback.variable("bucket").orElse(null),
                callback.variable("object").orElse(null),
                callback.variable("size").filter(size -> size.matches("\\d{1,18}")).map(Long::valueOf).orElse(null),
                callback.variable("etag").orElse(null),
                callback.variable("mimeType").orElse(null),
                callback.variable("crc64").orElse(null),
                callback.variable("uploadId").orElse(null));
    }
}
