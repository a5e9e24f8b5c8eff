package dev.ossflux.core;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.ByteBuffer;
import reactor.core.publisher.Flux;

/** A response whose body is still arriving; the subscriber of {@code body} owns it. */
record StreamedResponse(int status, HttpHeaders headers, Flux<ByteBuffer> body) implements HttpResult {

    @Override
    public long sentBytes() {
        return 0;
    }
}
