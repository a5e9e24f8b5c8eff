package dev.ossflux.core.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

@JacksonXmlRootElement(localName = "InitiateMultipartUploadResult")
@JsonPropertyOrder({"Bucket", "Key", "UploadId"})
public record InitiateMultipartUploadResult(
        @JsonProperty("Bucket") String bucket, @JsonProperty("Key") String key,
        @JsonProperty("UploadId") String uploadId) {
}
