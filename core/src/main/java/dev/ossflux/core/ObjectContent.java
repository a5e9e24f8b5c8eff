package dev.ossflux.core;

import java.nio.ByteBuffer;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An object being read: its metadata, and a body that streams from the open connection.
 *
 * <p>Subscribe to {@link #body()} once, or cancel it; until then the connection stays reserved.
 * Each emitted buffer is the subscriber's own copy.
 */
public record ObjectContent(ObjectMetadata metadata, Flux<ByteBuffer> body) {

    public ObjectContent {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(body, "body");
    }

    /** The whole body gathered into one array; meant for small objects. */
    public Mono<byte[]> bytes() {
        return body.collectList().map(buffers -> {
            int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
            ByteBuffer all = ByteBuffer.allocate(size);
            buffers.forEach(all::put);
            return all.array();
        });
    }
}
