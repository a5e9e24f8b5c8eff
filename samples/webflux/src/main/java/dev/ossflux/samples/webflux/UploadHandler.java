package dev.ossflux.samples.webflux;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.OssException;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.multipart.MultipartUploader;
import java.nio.ByteBuffer;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /uploads}: streams the multipart field {@code file} to OSS while it arrives, with a callback
 * to {@code /oss/callback} bound to this application ({@link UploadCallbacks}).
 *
 * <p>The body is read as {@link PartEvent}s, so the file's bytes go to OSS as they come in and the
 * upload holds at most {@code concurrency × partSize} of them, whatever the file's size. (A {@code FilePart}
 * from {@code multipartData()} would first spool the whole file to a temporary file.)
 *
 * <p>Answers 200 with an {@link UploadResponse}. When the object was stored but the callback failed (OSS
 * answered 203 {@code CallbackFailed}) it answers <b>502</b> with the stored object's details and
 * {@code callbackError}: the upload is not complete for the application until its callback ran. Other errors
 * OSS answers (including a CRC-64 mismatch) give 502 and bad requests 400, each with an {@code error} field;
 * a file over the maximum upload size gives <b>413</b> and its upload is aborted; anything else, such as OSS
 * being unreachable, goes to Spring's error handling (500). What OSS said goes to the log, not to the browser.
 * The object's content type is the browser's only when it is on the allow-list ({@link ContentTypes}).
 */
final class UploadHandler {

    static final String PATH = "/uploads";
    static final String FIELD = "file";
    static final String CALLBACK_FAILED = "the object was stored but its callback failed; see the server log";

    private static final Logger log = LoggerFactory.getLogger(UploadHandler.class);

    private final MultipartUploader uploader;
    private final String bucket;
    private final UploadCallbacks callbacks;
    private final long maxUploadSize;
    private final ContentTypes contentTypes;

    UploadHandler(MultipartUploader uploader, String bucket, UploadCallbacks callbacks, long maxUploadSize,
            ContentTypes contentTypes) {
        this.uploader = uploader;
        this.bucket = bucket;
        this.callbacks = callbacks;
        this.maxUploadSize = maxUploadSize;
        this.contentTypes = contentTypes;
    }

    Mono<ServerResponse> upload(ServerRequest request) {
        return request.bodyToFlux(PartEvent.class)
                .windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) ->
                        first.get() instanceof FilePartEvent file && FIELD.equals(file.name())
                                ? Mono.defer(() -> store(file, events))
                                : skip(events)))
                .doOnDiscard(PartEvent.class, event -> DataBufferUtils.release(event.content()))
                .next()
                .switchIfEmpty(Mono.defer(() -> error(HttpStatus.BAD_REQUEST,
                        "expected a multipart/form-data body with a file in the field '" + FIELD + "'")))
                .onErrorResume(IllegalArgumentException.class, e -> error(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    private Mono<ServerResponse> store(FilePartEvent file, Flux<PartEvent> events) {
        String uploadId = ObjectKeys.newUploadId();
        String key = ObjectKeys.key(uploadId, file.filename());
        PutObjectRequest.Builder put = PutObjectRequest.builder(bucket, key)
                .callback(callbacks.forUpload(bucket, key, uploadId));
        put.contentType(contentTypes.of(file.headers().getContentType()));
        long[] received = {0};
        Flux<ByteBuffer> bytes = events.map(event -> copyAndRelease(event.content()))
                .filter(ByteBuffer::hasRemaining)
                .handle((buffer, sink) -> {
                    received[0] += buffer.remaining();
                    if (received[0] > maxUploadSize) {
                        sink.error(new TooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
        return uploader.upload(put.build(), bytes)
                .flatMap(result -> ServerResponse.ok().bodyValue(UploadResponse.stored(result)))
                .onErrorResume(TooLarge.class, e -> {
                    log.info("Refused {}: more than {} bytes", LogText.escape(file.filename()), maxUploadSize);
                    return error(HttpStatus.CONTENT_TOO_LARGE, "the file is larger than " + maxUploadSize + " bytes");
                })
                .onErrorResume(CallbackFailedException.class, e -> {
                    log.warn("Stored {} but its callback failed: {}", LogText.escape(e.result().key()),
                            LogText.escape(e.getMessage()));
                    return ServerResponse.status(HttpStatus.BAD_GATEWAY)
                            .bodyValue(UploadResponse.callbackFailed(e.result(), CALLBACK_FAILED));
                })
                .onErrorResume(OssException.class, e -> {
                    log.warn("OSS refused the upload: {}", LogText.escape(e.getMessage()));
                    return error(HttpStatus.BAD_GATEWAY, "OSS refused the upload (" + e.errorCode() + ")");
                });
    }

    /** The file went past the maximum upload size; the upload it fed is aborted. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("upload too large", null, false, false);
        }
    }

    /** Reads past a part that is not the file, releasing its buffers. */
    private static Mono<ServerResponse> skip(Flux<PartEvent> events) {
        return events.doOnNext(event -> DataBufferUtils.release(event.content())).then(Mono.empty());
    }

    /** Copies the bytes out of a pooled buffer, which must go back to its pool before the upload is done. */
    private static ByteBuffer copyAndRelease(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return ByteBuffer.wrap(bytes);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** An answer with {@code status} and {@code {"error": message}}. */
    static Mono<ServerResponse> error(HttpStatus status, @Nullable String message) {
        return ServerResponse.status(status).bodyValue(Map.of("error", String.valueOf(message)));
    }
}
