package dev.ossflux.testkit.internal;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.internal.Entries.ObjectEntry;
import dev.ossflux.testkit.internal.Entries.ObjectMeta;
import io.netty.buffer.ByteBuf;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** PutObject, GetObject, HeadObject and DeleteObject. */
final class ObjectHandler {

    private static final Map<String, String> OVERRIDES = Map.of("response-content-type", "Content-Type",
            "response-content-language", "Content-Language", "response-expires", "Expires",
            "response-cache-control", "Cache-Control", "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");

    private final Storage storage;
    private final UploadReplies uploads;
    private final Clock clock;
    private final Limits limits;

    ObjectHandler(Storage storage, UploadReplies uploads, Clock clock, Limits limits) {
        this.storage = storage;
        this.uploads = uploads;
        this.clock = clock;
        this.limits = limits;
    }

    Mono<Void> put(Exchange ex) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        String key = UploadReplies.validKey(ex.target.requireKey());
        Callback callback = UploadReplies.callback(ex);
        if (UploadReplies.forbidOverwrite(ex.header("x-oss-forbid-overwrite")) && storage.exists(bucket, key)) {
            throw UploadReplies.fileAlreadyExists(key);
        }
        return BodyReceiver.receive(ex, storage.writer(), limits.maxObjectSize()).flatMap(received -> {
            ObjectMeta meta = new ObjectMeta(bucket, key, received.size(), received.etag(),
                    Long.toUnsignedString(received.crc64()), received.contentMd5(),
                    UploadReplies.contentType(ex.headers), UploadReplies.userMetadata(ex.headers),
                    UploadReplies.attributes(ex.headers), "Normal", UploadReplies.storageClass(ex.headers),
                    clock.millis());
            return storage.putObject(new ObjectEntry(meta, received.content())).then(Mono.defer(() -> {
                ex.response.header("ETag", quote(meta.etag())).header("Content-MD5", received.contentMd5())
                        .header("x-oss-hash-crc64ecma", meta.crc64());
                return callback == null ? Replies.empty(ex, 200)
                        : uploads.callBack(ex, callback, bucket, key, meta.etag(), meta.size(), meta.contentType(),
                                received.crc64(), received.contentMd5(), Operation.PUT_OBJECT);
            }));
        });
    }

    Mono<Void> get(Exchange ex, boolean head) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        String key = ex.target.requireKey();
        ObjectEntry entry = storage.retainObject(bucket, key);
        if (entry == null) {
            throw OssError.noSuchKey(key);
        }
        try {
            ObjectMeta meta = entry.meta();
            objectHeaders(ex, meta);
            Conditions.check(ex, meta);
            if (!head && entry.content() instanceof SinkContent) {
                throw OssError.notImplemented("reading objects in sink mode (bodies are hashed and discarded)");
            }
            Ranges.Range range = Ranges.select(ex, meta.size());
            ex.response.header("Accept-Ranges", "bytes");
            OVERRIDES.forEach((param, header) -> {
                String value = ex.target.param(param);
                if (value != null) {
                    ex.response.header(header, value);
                }
            });
            int status = 200;
            if (range.partial()) {
                status = 206;
                ex.response.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + meta.size());
            }
            ex.status = status;
            ex.response.status(status).header("Content-Length", Long.toString(range.length()));
            if (head) {
                entry.content().release();
                return Replies.send(ex, () -> ex.response.send().then());
            }
            Flux<ByteBuf> body = entry.content().read(range.first(), range.length());
            if (ex.resetAfterBytes >= 0) {
                return Replies.send(ex, () -> ex.response.send(limit(body, ex.resetAfterBytes)).then()
                                .then(Mono.fromRunnable(ex::reset)))
                        .doFinally(signal -> entry.content().release());
            }
            return Replies.send(ex, () -> ex.response.send(body).then())
                    .doFinally(signal -> entry.content().release());
        } catch (RuntimeException e) {
            entry.content().release();
            throw e;
        }
    }

    Mono<Void> delete(Exchange ex) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        String key = ex.target.requireKey();
        return storage.deleteObject(bucket, key).then(Mono.defer(() -> Replies.noContent(ex)));
    }

    private static void objectHeaders(Exchange ex, ObjectMeta meta) {
        ex.response.header("Content-Type", meta.contentType())
                .header("ETag", quote(meta.etag()))
                .header("Last-Modified", Dates.http(Instant.ofEpochMilli(meta.lastModifiedMillis())))
                .header("x-oss-object-type", meta.objectType())
                .header("x-oss-storage-class", meta.storageClass())
                .header("x-oss-hash-crc64ecma", meta.crc64());
        if (meta.contentMd5() != null) {
            ex.response.header("Content-MD5", meta.contentMd5());
        }
        meta.userMetadata().forEach((name, value) -> ex.response.header("x-oss-meta-" + name, value));
        meta.attributes().forEach((name, value) -> {
            if (!name.startsWith("x-oss-")) {
                ex.response.header(name, value);
            }
        });
    }

    private static Flux<ByteBuf> limit(Flux<ByteBuf> body, long bytes) {
        long[] sent = new long[1];
        return body.handle((buf, sink) -> {
            long room = bytes - sent[0];
            if (room <= 0) {
                buf.release();
                sink.complete();
                return;
            }
            ByteBuf part = buf.readableBytes() <= room ? buf : buf.readRetainedSlice((int) room);
            if (part != buf) {
                buf.release();
            }
            sent[0] += part.readableBytes();
            sink.next(part);
        });
    }

    static String quote(String etag) {
        return "\"" + etag + "\"";
    }
}
