package dev.ossflux.core;

import dev.ossflux.core.internal.sign.Hashing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * An in-memory body over the remaining bytes of a buffer, heap or direct, never copied on the
 * caller's side. A direct buffer goes to the socket as it is; heap bytes are copied into pooled
 * direct chunks as they go out (see {@link DirectChunks}), which hashes them in the same pass.
 * The CRC-64 is computed once and reused by every attempt.
 */
final class BytesBody extends ReadyBody {

    private final ByteBuffer bytes;
    private volatile long crc64;
    private volatile boolean crcKnown;

    /** A body over {@code bytes}, whose content the caller no longer changes. */
    BytesBody(byte[] bytes) {
        this(ByteBuffer.wrap(bytes));
    }

    /** A body over the remaining bytes of {@code bytes}, whose content the caller no longer changes. */
    BytesBody(ByteBuffer bytes) {
        this.bytes = bytes.slice();
    }

    @Override
    Mono<String> contentMd5() {
        return Mono.fromSupplier(() -> {
            MessageDigest md5 = Hashing.md5();
            md5.update(bytes.duplicate());
            return Base64.getEncoder().encodeToString(md5.digest());
        });
    }

    @Override
    public long length() {
        return bytes.remaining();
    }

    @Override
    public Publisher<ByteBuf> content() {
        if (!bytes.hasRemaining()) {
            return Mono.empty();
        }
        if (!bytes.hasArray()) {
            return Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes.duplicate()));
        }
        int offset = bytes.arrayOffset() + bytes.position();
        DirectChunks chunks = new DirectChunks(bytes.array(), offset, bytes.remaining());
        return crcKnown ? chunks.copies() : chunks.hashedCopies(this::hashed);
    }

    @Override
    public OptionalLong crc64() {
        if (!crcKnown) {
            hashed(Crc64.update(0, bytes));
        }
        return OptionalLong.of(crc64);
    }

    @Override
    public boolean checksummed() {
        return true;
    }

    private void hashed(long crc) {
        crc64 = crc;
        crcKnown = true;
    }

    @Override
    public String toString() {
        return "BytesBody[" + bytes.remaining() + " bytes]";
    }
}
