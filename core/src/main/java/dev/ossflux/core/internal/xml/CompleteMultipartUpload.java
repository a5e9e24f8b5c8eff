package dev.ossflux.core.internal.xml;

import java.util.List;

/** The body of CompleteMultipartUpload: the parts to join, in ascending part number. */
public record CompleteMultipartUpload(List<Part> parts) {

    public CompleteMultipartUpload {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public record Part(int partNumber, String etag) {
    }
}
