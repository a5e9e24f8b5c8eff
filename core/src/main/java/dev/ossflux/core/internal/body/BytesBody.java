package dev.ossflux.core.internal.body;

import dev.ossflux.core.internal.crc.Crc64;
import dev.ossflux.core.internal.sign.Hashing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Base64;
import java.util.OptionalLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An in-memory body; its CRC-64 is computed once and reused by every attempt. */
public final class BytesBody extends ReadyBody {

    private final byte[] bytes;
    private volatile long crc64;
    private volatile boolean crcKnown;

    public BytesBody(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public Mono<String> contentMd5() {
        return Mono.fromSupplier(() -> Base64.getEncoder().encodeToString(Hashing.md5().digest(bytes)));
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public Flux<ByteBuf> content() {
        return bytes.length == 0 ? Flux.empty() : Flux.just(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public OptionalLong crc64() {
        if (!crcKnown) {
            crc64 = Crc64.of(bytes);
            crcKnown = true;
        }
        return OptionalLong.of(crc64);
    }

    @Override
    public String toString() {
        return "BytesBody[" + bytes.length + " bytes]";
    }
}
