package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.xml.CompleteMultipartUpload;
import dev.ossflux.core.internal.xml.Xml;
import dev.ossflux.testkit.internal.Entries.PartEntry;
import dev.ossflux.testkit.internal.Entries.UploadEntry;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Reads a CompleteMultipartUpload body and checks it in the emulator's order: MalformedXML,
 * InvalidPartOrder, InvalidPart, EntityTooSmall.
 */
final class CompleteBody {

    static final long MIN_PART = 100 * 1024;

    private CompleteBody() {
    }

    /**
     * Reads the body into memory, up to {@code max} bytes (10,000 parts fit in well under 2 MiB); a longer
     * body is refused with {@code MalformedXML} as soon as it is announced or has arrived that far.
     */
    static Mono<byte[]> receive(Exchange ex, int max) {
        if (BoundedBody.announcedOver(ex.header("content-length"), max)) {
            throw tooLarge(max);
        }
        ex.consumeBody();
        return BoundedBody.read(ex.request.receive().doOnNext(buf -> ex.bodySize += buf.readableBytes()), max,
                () -> tooLarge(max).closeConnection());
    }

    private static OssError tooLarge(int max) {
        return malformed().field("MaxSizeAllowed", Integer.toString(max));
    }

    private static OssError malformed() {
        return new OssError(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
                + "against our published schema.").ec("0042-00000201");
    }

    static List<PartEntry> select(UploadEntry upload, byte[] body) {
        List<CompleteMultipartUpload.Part> listed;
        try {
            listed = body.length == 0 ? List.of() : Xml.read(body, CompleteMultipartUpload.class).parts();
        } catch (IllegalArgumentException e) {
            listed = List.of();
        }
        if (listed.isEmpty()) {
            throw malformed();
        }
        for (int i = 1; i < listed.size(); i++) {
            if (listed.get(i).partNumber() <= listed.get(i - 1).partNumber()) {
                throw new OssError(400, "InvalidPartOrder", "The list of parts was not in ascending order. Parts "
                        + "must be ordered by part number.").ec("0042-00000208");
            }
        }
        List<PartEntry> parts = new ArrayList<>();
        for (CompleteMultipartUpload.Part part : listed) {
            PartEntry entry = upload.parts().get(part.partNumber());
            String etag = part.etag() == null ? "" : part.etag().replace("&quot;", "").replace("\"", "").trim();
            if (entry == null || !entry.meta().etag().equalsIgnoreCase(etag)) {
                throw new OssError(400, "InvalidPart", "One or more of the specified parts could not be found or the "
                        + "specified entity tag might not have matched the part's entity tag.")
                        .field("PartNumber", Integer.toString(part.partNumber())).field("ETag", etag)
                        .ec("0042-00000209");
            }
            parts.add(entry);
        }
        checkSizes(parts);
        return parts;
    }

    static void checkSizes(List<PartEntry> parts) {
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).meta().size() < MIN_PART) {
                throw new OssError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed "
                        + "size.").field("MinSizeAllowed", Long.toString(MIN_PART))
                        .field("ProposedSize", Long.toString(parts.get(i).meta().size()))
                        .field("PartNumber", Integer.toString(parts.get(i).meta().partNumber()))
                        .ec("0042-00000210");
            }
        }
    }
}
