package dev.ossflux.samples.webflux;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PostPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * {@code POST /uploads/policy}: signs a PostObject form with which the browser uploads one file straight to
 * OSS, so that its bytes never pass through this application. The page sends the file's name, size and type
 * as JSON ({@code {"name": "cat.png", "size": 52114, "type": "image/png"}}); the answer is the signed
 * {@link dev.ossflux.core.PostForm} as JSON: the URL to post to and the form fields, in order.
 *
 * <p>The form is good for one object, {@code uploads/<uuid>/<safe name>}, for exactly the size announced (OSS
 * refuses another with {@code EntityTooLarge}/{@code EntityTooSmall}), for the configured expiry, with the
 * content type from the allow-list ({@link ContentTypes}), and with the callback of {@link UploadCallbacks}
 * bound to that object. A size over the maximum direct upload size gives 413; a missing or unusable name or
 * size gives 400.
 */
final class DirectUploadHandler {

    static final String PATH = "/uploads/policy";

    /** Longest file name accepted, in characters (file systems allow 255). */
    static final int MAX_NAME_LENGTH = 255;

    private static final Logger log = LoggerFactory.getLogger(DirectUploadHandler.class);

    private final OssClient client;
    private final String bucket;
    private final UploadCallbacks callbacks;
    private final long maxSize;
    private final Duration expiry;
    private final ContentTypes contentTypes;

    DirectUploadHandler(OssClient client, String bucket, UploadCallbacks callbacks, long maxSize, Duration expiry,
            ContentTypes contentTypes) {
        this.client = client;
        this.bucket = bucket;
        this.callbacks = callbacks;
        this.maxSize = maxSize;
        this.expiry = expiry;
        this.contentTypes = contentTypes;
    }

    /** What the page asks a form for. */
    record FileToUpload(@Nullable String name, @Nullable Long size, @Nullable String type) {
    }

    Mono<ServerResponse> policy(ServerRequest request) {
        return request.bodyToMono(FileToUpload.class)
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException(
                        "expected a JSON body: {\"name\": ..., \"size\": ..., \"type\": ...}")))
                .flatMap(this::sign)
                .onErrorResume(TooLarge.class, e -> UploadHandler.error(HttpStatus.CONTENT_TOO_LARGE, e.getMessage()))
                .onErrorResume(IllegalArgumentException.class, e -> UploadHandler.error(HttpStatus.BAD_REQUEST, e.getMessage()))
                .onErrorResume(e -> e instanceof ServerWebInputException || e instanceof DecodingException,
                        e -> UploadHandler.error(HttpStatus.BAD_REQUEST,
                                "expected a JSON body: {\"name\": ..., \"size\": ..., \"type\": ...}"));
    }

    private Mono<ServerResponse> sign(FileToUpload file) {
        String name = requireName(file.name());
        long size = requireSize(file.size());
        String uploadId = ObjectKeys.newUploadId();
        String key = ObjectKeys.key(uploadId, name);
        PostPolicy policy = PostPolicy.builder(bucket)
                .key(key)
                .expiresIn(expiry)
                .contentLengthRange(size, size)
                .contentType(contentTypes.of(mediaType(file.type())))
                .callback(callbacks.forUpload(bucket, key, uploadId))
                .build();
        return client.signPostPolicy(policy)
                .flatMap(form -> {
                    log.info("Signed a form for {} ({} bytes), valid until {}", LogText.escape(key), size,
                            form.expiration());
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(form.toJson());
                });
    }

    private static String requireName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: give the file's name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: at most " + MAX_NAME_LENGTH + " characters");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.codePoints().anyMatch(Character::isISOControl)
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("name: a file name, without a path or control characters");
        }
        return name;
    }

    private long requireSize(@Nullable Long size) {
        if (size == null || size < 0) {
            throw new IllegalArgumentException("size: give the file's size in bytes");
        }
        if (size > maxSize) {
            throw new TooLarge("the file is larger than " + maxSize + " bytes");
        }
        return size;
    }

    private static @Nullable MediaType mediaType(@Nullable String type) {
        try {
            return type == null || type.isBlank() ? null : MediaType.parseMediaType(type);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /** The announced size is over the maximum direct upload size. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message, null, false, false);
        }
    }
}
