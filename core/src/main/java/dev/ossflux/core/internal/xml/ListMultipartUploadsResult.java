package dev.ossflux.core.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

@JacksonXmlRootElement(localName = "ListMultipartUploadsResult")
@JsonPropertyOrder({"Bucket", "KeyMarker", "UploadIdMarker", "NextKeyMarker", "NextUploadIdMarker", "Delimiter",
    "Prefix", "MaxUploads", "IsTruncated", "Upload"})
public record ListMultipartUploadsResult(
        @JsonProperty("Bucket") String bucket, @JsonProperty("KeyMarker") String keyMarker,
        @JsonProperty("UploadIdMarker") String uploadIdMarker, @JsonProperty("NextKeyMarker") String nextKeyMarker,
        @JsonProperty("NextUploadIdMarker") String nextUploadIdMarker, @JsonProperty("Delimiter") String delimiter,
        @JsonProperty("Prefix") String prefix, @JsonProperty("MaxUploads") int maxUploads,
        @JsonProperty("IsTruncated") boolean truncated,
        @JsonProperty("Upload") @JacksonXmlElementWrapper(useWrapping = false) @Nullable List<Upload> uploads) {

    public ListMultipartUploadsResult {
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    @JsonPropertyOrder({"Key", "UploadId", "StorageClass", "Initiated"})
    public record Upload(
            @JsonProperty("Key") String key, @JsonProperty("UploadId") String uploadId,
            @JsonProperty("StorageClass") String storageClass, @JsonProperty("Initiated") String initiated) {
    }
}
