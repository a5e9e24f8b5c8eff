package dev.ossflux.core;

import dev.ossflux.core.internal.body.BytesBody;
import dev.ossflux.core.internal.body.FileBody;
import dev.ossflux.core.internal.body.PublisherBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.reactivestreams.Publisher;

/**
 * The bytes of an upload. Create one with a factory; the client reads it only when the upload's
 * {@code Mono} is subscribed.
 *
 * <p>Bodies from bytes, buffers, strings and files are <em>replayable</em>: a failed attempt is
 * retried with the same bytes. A body from a publisher is read once, so its upload is never retried.
 */
public interface UploadBody {

    /** The number of bytes this body holds, when known without I/O (files report theirs when read). */
    java.util.OptionalLong knownLength();

    /** Whether the body can be read again for a retry. */
    boolean replayable();

    /** A body holding a copy of {@code bytes}. */
    static UploadBody fromBytes(byte[] bytes) {
        return new BytesBody(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /**
     * A body over the remaining bytes of {@code buffer}, sent without copying: a direct buffer goes
     * to the socket as it is, and one buffer can back any number of uploads. The buffer's position
     * and limit are read when this is called and never moved; its content must not change until
     * every upload that uses it has completed.
     */
    static UploadBody fromByteBuffer(ByteBuffer buffer) {
        return new BytesBody(Objects.requireNonNull(buffer, "buffer"));
    }

    /** A body holding {@code text} encoded as UTF-8. */
    static UploadBody fromString(String text) {
        return new BytesBody(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A body read from {@code file} when sent, off the event loop; its size is taken when the
     * upload starts. The file must not change while it is uploaded.
     */
    static UploadBody fromFile(Path file) {
        return new FileBody(Objects.requireNonNull(file, "file"));
    }

    /**
     * A body of exactly {@code length} bytes from {@code publisher}, subscribed once. Emitted
     * buffers must not be modified afterwards. A publisher that emits more or fewer bytes than
     * declared fails the upload.
     *
     * @throws IllegalArgumentException when {@code length} is negative or above the 5 GiB a
     *     PutObject can carry
     */
    static UploadBody fromPublisher(Publisher<ByteBuffer> publisher, long length) {
        return new PublisherBody(Objects.requireNonNull(publisher, "publisher"), length);
    }
}
