package dev.ossflux.core;

import dev.ossflux.core.internal.sign.Hashing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bytes already in memory as a list of buffers (a part cut from a stream), sent without copying
 * and replayable for retries; the CRC-64 is computed once, up front.
 */
final class BuffersBody extends ReadyBody {

    private final List<ByteBuffer> buffers;
    private final long length;
    private final long crc64;

    /** Takes the remaining bytes of {@code buffers}, which must not change afterwards. */
    BuffersBody(List<ByteBuffer> buffers) {
        this.buffers = buffers.stream().map(ByteBuffer::asReadOnlyBuffer).toList();
        this.length = this.buffers.stream().mapToLong(ByteBuffer::remaining).sum();
        this.crc64 = Crc64.update(0, this.buffers.toArray(ByteBuffer[]::new));
    }

    @Override
    Mono<String> contentMd5() {
        return Mono.fromSupplier(() -> {
            MessageDigest md5 = Hashing.md5();
            buffers.forEach(buffer -> md5.update(buffer.duplicate()));
            return Base64.getEncoder().encodeToString(md5.digest());
        });
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Flux<ByteBuf> content() {
        return Flux.fromIterable(buffers).map(buffer -> Unpooled.wrappedBuffer(buffer.duplicate()));
    }

    @Override
    public OptionalLong crc64() {
        return OptionalLong.of(crc64);
    }

    @Override
    public boolean checksummed() {
        return true;
    }

    @Override
    public String toString() {
        return "BuffersBody[" + buffers.size() + " buffers, " + length + " bytes]";
    }
}
