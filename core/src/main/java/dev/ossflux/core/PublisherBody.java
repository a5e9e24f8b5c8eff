package dev.ossflux.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A one-shot body of a declared length from a caller's publisher. */
final class PublisherBody extends UploadBody implements OpenedBody {

    /** The largest object a single PutObject can carry: 5 GiB. */
    static final long MAX_PUT_SIZE = 5L * 1024 * 1024 * 1024;

    private final Publisher<ByteBuffer> publisher;
    private final long length;
    private final AtomicBoolean opened = new AtomicBoolean();

    PublisherBody(Publisher<ByteBuffer> publisher, long length) {
        if (length < 0 || length > MAX_PUT_SIZE) {
            throw new IllegalArgumentException("length: must be 0 to " + MAX_PUT_SIZE + " bytes, got " + length);
        }
        this.publisher = publisher;
        this.length = length;
    }

    @Override
    public OptionalLong knownLength() {
        return OptionalLong.of(length);
    }

    @Override
    public boolean replayable() {
        return false;
    }

    @Override
    Mono<OpenedBody> open() {
        return Mono.defer(() -> opened.compareAndSet(false, true) ? Mono.just(this)
                : Mono.error(new IllegalStateException("body: a publisher body can be uploaded only once")));
    }

    @Override
    Mono<String> contentMd5() {
        return Mono.error(new IllegalArgumentException(
                "contentMd5: needs a body that can be read twice (bytes, string or file), not a publisher"));
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Flux<ByteBuf> content() {
        return Flux.defer(() -> {
            long[] seen = {0};
            return Flux.from(publisher).<ByteBuf>handle((buffer, sink) -> {
                seen[0] += buffer.remaining();
                if (seen[0] > length) {
                    sink.error(new IllegalArgumentException("body: the publisher emitted more than the declared "
                            + length + " bytes"));
                } else if (buffer.hasRemaining()) {
                    sink.next(Unpooled.wrappedBuffer(buffer));
                }
            }).concatWith(Mono.defer(() -> seen[0] == length ? Mono.empty()
                    : Mono.error(new IllegalArgumentException("body: the publisher completed after " + seen[0]
                            + " of the declared " + length + " bytes"))));
        });
    }

    @Override
    public String toString() {
        return "PublisherBody[" + length + " bytes]";
    }
}
