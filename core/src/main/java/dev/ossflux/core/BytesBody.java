package dev.ossflux.core;

import dev.ossflux.core.internal.sign.Hashing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An in-memory body over the remaining bytes of a buffer, heap or direct, sent without copying;
 * its CRC-64 is computed once and reused by every attempt.
 */
final class BytesBody extends ReadyBody {

    private final ByteBuffer bytes;
    private volatile long crc64;
    private volatile boolean crcKnown;

    /** A body over {@code bytes[0, length)}, which the caller hands over. */
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
    public Flux<ByteBuf> content() {
        return bytes.hasRemaining() ? Flux.just(Unpooled.wrappedBuffer(bytes.duplicate())) : Flux.empty();
    }

    @Override
    public OptionalLong crc64() {
        if (!crcKnown) {
            crc64 = Crc64.update(0, bytes);
            crcKnown = true;
        }
        return OptionalLong.of(crc64);
    }

    @Override
    public String toString() {
        return "BytesBody[" + bytes.remaining() + " bytes]";
    }
}
