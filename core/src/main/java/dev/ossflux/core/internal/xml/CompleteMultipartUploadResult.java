package dev.ossflux.core.internal.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

@JacksonXmlRootElement(localName = "CompleteMultipartUploadResult")
@JsonPropertyOrder({"EncodingType", "Location", "Bucket", "Key", "ETag"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompleteMultipartUploadResult(
        @JsonProperty("EncodingType") @Nullable String encodingType, @JsonProperty("Location") String location,
        @JsonProperty("Bucket") String bucket, @JsonProperty("Key") String key, @JsonProperty("ETag") String etag) {
}
