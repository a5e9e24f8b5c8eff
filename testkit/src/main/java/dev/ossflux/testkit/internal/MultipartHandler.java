package dev.ossflux.testkit.internal;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.Crc64;
import dev.ossflux.core.internal.sign.Hashing;
import dev.ossflux.core.internal.sign.PercentEncoding;
import dev.ossflux.core.internal.xml.CompleteMultipartUploadResult;
import dev.ossflux.core.internal.xml.InitiateMultipartUploadResult;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.internal.Entries.ObjectEntry;
import dev.ossflux.testkit.internal.Entries.ObjectMeta;
import dev.ossflux.testkit.internal.Entries.PartEntry;
import dev.ossflux.testkit.internal.Entries.PartMeta;
import dev.ossflux.testkit.internal.Entries.UploadEntry;
import dev.ossflux.testkit.internal.Entries.UploadMeta;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** InitiateMultipartUpload, UploadPart, CompleteMultipartUpload and AbortMultipartUpload. */
final class MultipartHandler {

    private final Storage storage;
    private final UploadReplies uploads;
    private final Clock clock;
    private final String endpoint;
    private final Limits limits;

    MultipartHandler(Storage storage, UploadReplies uploads, Clock clock, String endpoint, Limits limits) {
        this.storage = storage;
        this.uploads = uploads;
        this.clock = clock;
        this.endpoint = endpoint;
        this.limits = limits;
    }

    Mono<Void> initiate(Exchange ex) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        String key = UploadReplies.validKey(ex.target.requireKey());
        if (UploadReplies.forbidOverwrite(ex.header("x-oss-forbid-overwrite")) && storage.exists(bucket, key)) {
            throw UploadReplies.fileAlreadyExists(key);
        }
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        String uploadId = HexFormat.of().withUpperCase().formatHex(id);
        UploadMeta meta = new UploadMeta(bucket, key, uploadId, clock.millis(),
                UploadReplies.contentType(ex.headers), UploadReplies.userMetadata(ex.headers),
                UploadReplies.attributes(ex.headers), UploadReplies.storageClass(ex.headers));
        return ex.drain().then(storage.initiate(meta))
                .then(Mono.defer(() -> Replies.xml(ex, 200, new InitiateMultipartUploadResult(bucket, key, uploadId))));
    }

    Mono<Void> uploadPart(Exchange ex) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        String key = ex.target.requireKey();
        int partNumber;
        try {
            partNumber = Integer.parseInt(String.valueOf(ex.target.param("partNumber")));
        } catch (NumberFormatException e) {
            partNumber = 0;
        }
        if (partNumber < 1 || partNumber > 10_000) {
            throw OssError.invalidArgument("Part number must be an integer between 1 and 10000, inclusive.")
                    .field("ArgumentName", "partNumber")
                    .field("ArgumentValue", String.valueOf(ex.target.param("partNumber")));
        }
        UploadEntry upload = storage.requireUpload(bucket, key, String.valueOf(ex.target.param("uploadId")));
        int number = partNumber;
        return BodyReceiver.receive(ex, storage.writer(), limits.maxObjectSize()).flatMap(received -> {
            PartMeta meta = new PartMeta(number, received.size(), received.etag(),
                    Long.toUnsignedString(received.crc64()), clock.millis());
            return storage.putPart(upload, new PartEntry(meta, received.content())).then(Mono.defer(() -> {
                ex.response.header("ETag", ObjectHandler.quote(meta.etag()))
                        .header("Content-MD5", received.contentMd5())
                        .header("x-oss-hash-crc64ecma", meta.crc64());
                return Replies.empty(ex, 200);
            }));
        });
    }

    Mono<Void> complete(Exchange ex) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        String key = ex.target.requireKey();
        UploadEntry upload = storage.requireUpload(bucket, key, String.valueOf(ex.target.param("uploadId")));
        Callback callback = UploadReplies.callback(ex);
        boolean completeAll = "yes".equalsIgnoreCase(String.valueOf(ex.header("x-oss-complete-all")).trim());
        boolean forbid = UploadReplies.forbidOverwrite(ex.header("x-oss-forbid-overwrite"))
                || UploadReplies.forbidOverwrite(upload.meta().attributes().get("x-oss-forbid-overwrite"));
        return CompleteBody.receive(ex, limits.maxCompleteBody()).flatMap(body -> {
            ObjectEntry[] stored = new ObjectEntry[1];
            return storage.completeUpload(upload, open -> {
                List<PartEntry> parts = completeAll ? allParts(open, body) : CompleteBody.select(open, body);
                if (forbid && storage.exists(bucket, key)) {
                    throw UploadReplies.fileAlreadyExists(key);
                }
                return parts;
            }, parts -> stored[0] = object(upload.meta(), parts))
                    .then(Mono.defer(() -> reply(ex, stored[0], callback)));
        });
    }

    /** The object the parts make: their bytes in order, the multipart ETag and the combined CRC-64. */
    private ObjectEntry object(UploadMeta u, List<PartEntry> parts) {
        MessageDigest md5s = Hashing.md5();
        long crc = 0;
        long size = 0;
        List<Content> contents = new ArrayList<>();
        for (PartEntry part : parts) {
            md5s.update(HexFormat.of().parseHex(part.meta().etag()));
            crc = Crc64.combine(crc, Crc64.parse(part.meta().crc64()), part.meta().size());
            size += part.meta().size();
            contents.add(part.content());
        }
        String etag = Hashing.hex(md5s.digest()).toUpperCase(Locale.ROOT) + "-" + parts.size();
        Map<String, String> attributes = new TreeMap<>(u.attributes());
        attributes.remove("x-oss-forbid-overwrite");
        ObjectMeta meta = new ObjectMeta(u.bucket(), u.key(), size, etag, Long.toUnsignedString(crc), null,
                u.contentType(), u.userMetadata(), attributes, "Multipart", u.storageClass(), clock.millis());
        return new ObjectEntry(meta, Content.concat(contents));
    }

    private Mono<Void> reply(Exchange ex, ObjectEntry object, @Nullable Callback callback) {
        ObjectMeta meta = object.meta();
        ex.response.header("ETag", ObjectHandler.quote(meta.etag())).header("x-oss-hash-crc64ecma", meta.crc64());
        if (callback != null) {
            return uploads.callBack(ex, callback, meta.bucket(), meta.key(), meta.etag(), meta.size(),
                    meta.contentType(), Crc64.parse(meta.crc64()), "", Operation.COMPLETE_MULTIPART_UPLOAD);
        }
        String location = endpoint + "/" + meta.bucket() + "/" + PercentEncoding.encode(meta.key(), true);
        return Replies.xml(ex, 200, new CompleteMultipartUploadResult(null, location, meta.bucket(), meta.key(),
                ObjectHandler.quote(meta.etag())));
    }

    private static List<PartEntry> allParts(UploadEntry upload, byte[] body) {
        if (body.length > 0) {
            throw OssError.invalidArgument("Should not speficy both complete all header and http body.")
                    .ec("0042-00000216");
        }
        List<PartEntry> parts = new ArrayList<>(upload.parts().values());
        CompleteBody.checkSizes(parts);
        return parts;
    }

    Mono<Void> abort(Exchange ex) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        UploadEntry upload = storage.requireUpload(bucket, ex.target.requireKey(),
                String.valueOf(ex.target.param("uploadId")));
        return ex.drain().then(Mono.defer(() -> storage.abortUpload(upload)))
                .then(Mono.defer(() -> Replies.noContent(ex)));
    }
}
