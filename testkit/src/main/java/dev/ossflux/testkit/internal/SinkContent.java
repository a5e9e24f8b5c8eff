package dev.ossflux.testkit.internal;

import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Flux;

/** What sink mode keeps of a body: its size (the hashes live in the metadata). */
final class SinkContent extends Content {

    private final long size;

    SinkContent(long size) {
        this.size = size;
    }

    @Override
    long size() {
        return size;
    }

    @Override
    Flux<ByteBuf> read(long offset, long length) {
        return Flux.error(OssError.notImplemented("reading objects in sink mode (bodies are hashed and discarded)"));
    }

    @Override
    byte[] copy() {
        return null;
    }

    @Override
    protected void deallocate() {
    }
}
