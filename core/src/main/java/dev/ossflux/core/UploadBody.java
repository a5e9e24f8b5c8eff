package dev.ossflux.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The bytes of an upload. Create one with a factory; the client reads it only when the upload's
 * {@code Mono} is subscribed.
 *
 * <p>Bodies from bytes, buffers, strings and files are <em>replayable</em>: a failed attempt is
 * retried with the same bytes. A body from a publisher is read once, so its upload is never retried.
 */
public abstract sealed class UploadBody permits ReadyBody, FileBody, PublisherBody, PermittedBody {

    UploadBody() {
    }

    /**
     * A body over {@code bytes}, not copied: the array's content must not change until every upload
     * that uses it has completed (as with the official v2 SDK's {@code BinaryData.fromBytes}); one
     * array can back any number of uploads. Its CRC-64 is computed once, as the bytes go out.
     */
    public static UploadBody fromBytes(byte[] bytes) {
        return new BytesBody(Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * A body over the remaining bytes of {@code buffer}, sent without copying: a direct buffer goes
     * to the socket as it is, and one buffer can back any number of uploads. The buffer's position
     * and limit are read when this is called and never moved; its content must not change until
     * every upload that uses it has completed.
     */
    public static UploadBody fromByteBuffer(ByteBuffer buffer) {
        return new BytesBody(Objects.requireNonNull(buffer, "buffer"));
    }

    /**
     * A body over the remaining bytes of {@code buffers}, in order, sent without copying (a part
     * gathered from a stream, say); the same rules as {@link #fromByteBuffer(ByteBuffer)} apply to
     * each buffer.
     */
    public static UploadBody fromByteBuffers(List<ByteBuffer> buffers) {
        return new BuffersBody(List.copyOf(Objects.requireNonNull(buffers, "buffers")));
    }

    /** A body holding {@code text} encoded as UTF-8. */
    public static UploadBody fromString(String text) {
        return new BytesBody(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A body read from {@code file} when sent, off the event loop; its size is taken when the
     * upload starts. The file must not change while it is uploaded.
     */
    public static UploadBody fromFile(Path file) {
        return new FileBody(Objects.requireNonNull(file, "file"));
    }

    /**
     * {@code length} bytes of {@code file} starting at {@code offset} (one part of a large file),
     * read off the event loop when sent. A file that turns out shorter fails the upload.
     *
     * @throws IllegalArgumentException when {@code offset} or {@code length} is negative
     */
    public static UploadBody fromFile(Path file, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length: must not be negative, got " + offset + " and "
                    + length);
        }
        return new FileSlice(Objects.requireNonNull(file, "file"), offset, length);
    }

    /**
     * A body of exactly {@code length} bytes from {@code publisher}, subscribed once. Emitted
     * buffers must not be modified afterwards. A publisher that emits more or fewer bytes than
     * declared fails the upload.
     *
     * @throws IllegalArgumentException when {@code length} is negative or above the 5 GiB a
     *     PutObject can carry
     */
    public static UploadBody fromPublisher(Publisher<ByteBuffer> publisher, long length) {
        return new PublisherBody(Objects.requireNonNull(publisher, "publisher"), length);
    }

    /** The number of bytes this body holds, when known without I/O (a whole file reports its size when read). */
    public abstract OptionalLong knownLength();

    /** Whether the body can be read again for a retry. */
    public abstract boolean replayable();

    /**
     * This body, sent within room already reserved with {@link TransferBudget#reserve(long)}: the client
     * does not wait for room in its transfer budget again. The caller keeps {@code permit} until the
     * upload ends and then releases it.
     */
    public UploadBody within(TransferPermit permit) {
        return new PermittedBody(unpermitted(), Objects.requireNonNull(permit, "permit"));
    }

    /** Opens the body for one attempt; files are opened on a thread that may block. */
    abstract Mono<OpenedBody> open();

    /** The base64 MD5 of the content, for {@code Content-MD5}; costs a pass over the data. */
    abstract Mono<String> contentMd5();

    /** The room reserved for this body, if any. */
    Optional<TransferPermit> permit() {
        return Optional.empty();
    }

    UploadBody unpermitted() {
        return this;
    }
}
