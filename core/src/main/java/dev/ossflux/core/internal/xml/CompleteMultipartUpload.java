package dev.ossflux.core.internal.xml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** The body of CompleteMultipartUpload: the parts to join, in ascending part number. */
@JacksonXmlRootElement(localName = "CompleteMultipartUpload")
public record CompleteMultipartUpload(
        @JsonProperty("Part") @JacksonXmlElementWrapper(useWrapping = false) List<Part> parts) {

    public CompleteMultipartUpload {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    @JsonPropertyOrder({"PartNumber", "ETag"})
    public record Part(@JsonProperty("PartNumber") int partNumber, @JsonProperty("ETag") String etag) {
    }
}
