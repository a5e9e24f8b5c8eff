package dev.ossflux.core.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

@JacksonXmlRootElement(localName = "ListPartsResult")
@JsonPropertyOrder({"Bucket", "Key", "UploadId", "StorageClass", "PartNumberMarker", "NextPartNumberMarker",
    "MaxParts", "IsTruncated", "Part"})
public record ListPartsResult(
        @JsonProperty("Bucket") String bucket, @JsonProperty("Key") String key,
        @JsonProperty("UploadId") String uploadId, @JsonProperty("StorageClass") String storageClass,
        @JsonProperty("PartNumberMarker") int partNumberMarker,
        @JsonProperty("NextPartNumberMarker") int nextPartNumberMarker,
        @JsonProperty("MaxParts") int maxParts, @JsonProperty("IsTruncated") boolean truncated,
        @JsonProperty("Part") @JacksonXmlElementWrapper(useWrapping = false) @Nullable List<Part> parts) {

    public ListPartsResult {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    @JsonPropertyOrder({"PartNumber", "LastModified", "ETag", "HashCrc64ecma", "Size"})
    public record Part(
            @JsonProperty("PartNumber") int partNumber, @JsonProperty("LastModified") String lastModified,
            @JsonProperty("ETag") String etag, @JsonProperty("HashCrc64ecma") @Nullable String crc64,
            @JsonProperty("Size") long size) {
    }
}
