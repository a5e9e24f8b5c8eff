package dev.ossflux.testkit.internal;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.sign.PercentEncoding;
import dev.ossflux.core.internal.xml.Xml;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.internal.Entries.ObjectEntry;
import dev.ossflux.testkit.internal.Entries.ObjectMeta;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * PostObject: a {@code multipart/form-data} upload to the bucket, authorised by a signed policy in the form.
 * The fields before {@code file} are read first; the signature, the policy's expiry and conditions and the
 * callback are checked when the file part starts, before any of its bytes is stored; the file streams into
 * storage. A refused form's remaining body is read and dropped before the answer, so that a browser still
 * uploading sees the error rather than a reset connection.
 */
final class PostHandler {

    static final int MAX_FIELD = 64 * 1024;
    static final int MAX_FIELDS = 512 * 1024;

    private final Storage storage;
    private final UploadReplies uploads;
    private final Authenticator authenticator;
    private final Clock clock;
    private final Limits limits;

    PostHandler(Storage storage, UploadReplies uploads, Authenticator authenticator, Clock clock, Limits limits) {
        this.storage = storage;
        this.uploads = uploads;
        this.authenticator = authenticator;
        this.clock = clock;
        this.limits = limits;
    }

    /** What is known of one form once its file part starts. */
    private final class Form implements FormParser.Listener {
        private final Exchange ex;
        private final String bucket;
        private Map<String, String> fields = Map.of();
        private @Nullable FormPolicy policy;
        private @Nullable Callback callback;
        private String key = "";
        private @Nullable String fileType;
        private @Nullable OssError refusal;
        private long size;

        Form(Exchange ex, String bucket) {
            this.ex = ex;
            this.bucket = bucket;
        }

        @Override
        public void fileStarts(Map<String, String> formFields, FormParser.FilePart file) {
            Map<String, String> lower = new LinkedHashMap<>();
            formFields.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
            fields = lower;
            ex.refused = true;
            boolean v4 = authenticator.verifyForm(lower);
            ex.refused = false;
            FormPolicy parsed = FormPolicy.parse(lower.get("policy"));
            parsed.check(formFields, bucket, clock.instant(), v4);
            String raw = lower.get("key");
            if (raw == null || raw.isEmpty()) {
                throw OssError.invalidArgument("The form has no 'key' field.").field("ArgumentName", "key");
            }
            key = UploadReplies.validKey(raw.replace("${filename}", file.filename()));
            ex.formKey = key;
            if (UploadReplies.forbidOverwrite(lower.get("x-oss-forbid-overwrite")) && storage.exists(bucket, key)) {
                throw UploadReplies.fileAlreadyExists(key);
            }
            callback = UploadReplies.formCallback(lower);
            fileType = file.contentType();
            policy = parsed;
        }

        /** Once the body ended: refuses a form refused on the way, without a whole file, or under the minimum. */
        void complete(FormParser parser, long fileSize) {
            if (refusal != null) {
                throw refusal;
            }
            parser.finish();
            if (policy != null) {
                policy.checkComplete(fileSize);
            }
        }

        /** Counts file bytes as they arrive; past a limit the upload is refused. */
        void grow(ByteBuf data) {
            size += data.readableBytes();
            if (size > limits.maxObjectSize()) {
                throw BodyReceiver.tooLarge(limits.maxObjectSize(), Long.toString(size)).closeConnection();
            }
            if (policy != null) {
                policy.checkGrowing(size);
            }
        }
    }

    Mono<Void> post(Exchange ex) {
        String bucket = ex.target.requireBucket();
        storage.requireBucket(bucket);
        String boundary = FormParser.boundary(ex.header("content-type"));
        if (boundary == null) {
            throw OssError.invalidArgument("PostObject needs a multipart/form-data body with a boundary.");
        }
        BodyReceiver.declaredLength(ex, Long.MAX_VALUE);
        Form form = new Form(ex, bucket);
        FormParser parser = new FormParser(boundary, MAX_FIELD, MAX_FIELDS, form);
        ContentWriter writer = storage.writer();
        ex.consumeBody();
        Flux<ByteBuf> file = ex.request.receive().handle((buf, sink) -> {
            if (BodyReceiver.resetsWithin(ex, ex.bodySize, buf.readableBytes())) {
                sink.error(new BodyReceiver.ConnectionReset());
                return;
            }
            ex.bodySize += buf.readableBytes();
            if (form.refusal != null) {
                return;
            }
            ByteBuf data = null;
            try {
                data = parser.feed(buf);
                if (data != null) {
                    form.grow(data);
                    sink.next(data);
                }
            } catch (OssError e) {
                if (data != null) {
                    data.release();
                }
                if (e.closesConnection()) {
                    sink.error(e);
                } else {
                    form.refusal = e;
                }
            }
        });
        return BodyReceiver.store(file, writer, size -> form.complete(parser, size))
                .flatMap(received -> store(ex, form, received));
    }

    private Mono<Void> store(Exchange ex, Form form, BodyReceiver.Received received) {
        Map<String, String> fields = form.fields;
        String contentType = fields.containsKey("content-type") || form.fileType == null
                ? UploadReplies.contentType(fields) : form.fileType;
        ObjectMeta meta = new ObjectMeta(form.bucket, form.key, received.size(), received.etag(),
                Long.toUnsignedString(received.crc64()), received.contentMd5(), contentType,
                UploadReplies.userMetadata(fields), UploadReplies.attributes(fields), "Normal",
                UploadReplies.storageClass(fields), clock.millis());
        return storage.putObject(new ObjectEntry(meta, received.content())).then(Mono.defer(() -> {
            ex.response.header("ETag", ObjectHandler.quote(meta.etag())).header("Content-MD5", received.contentMd5())
                    .header("x-oss-hash-crc64ecma", meta.crc64());
            if (form.callback != null) {
                return uploads.callBack(ex, form.callback, meta.bucket(), meta.key(), meta.etag(), meta.size(),
                        contentType, received.crc64(), received.contentMd5(), Operation.POST_OBJECT);
            }
            return switch (String.valueOf(fields.get("success_action_status"))) {
                case "200" -> Replies.empty(ex, 200);
                case "201" -> Replies.bytes(ex, 201, Replies.XML, created(ex, meta));
                default -> Replies.noContent(ex);
            };
        }));
    }

    /** The 201 body: bucket, location, key and ETag of the stored object. */
    private static byte[] created(Exchange ex, ObjectMeta meta) {
        Map<String, Object> body = new LinkedHashMap<>();
        String host = String.valueOf(ex.header("host"));
        String path = (host.startsWith(meta.bucket() + ".") ? "/" : "/" + meta.bucket() + "/")
                + PercentEncoding.encode(meta.key(), true);
        body.put("Bucket", meta.bucket());
        body.put("Location", "http://" + host + path);
        body.put("Key", meta.key());
        body.put("ETag", ObjectHandler.quote(meta.etag()));
        return Xml.document("PostResponse", body).getBytes(StandardCharsets.UTF_8);
    }
}
