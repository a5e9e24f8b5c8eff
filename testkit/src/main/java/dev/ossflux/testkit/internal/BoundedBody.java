package dev.ossflux.testkit.internal;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a small body into memory, failing as soon as it is announced or has grown past a limit. */
final class BoundedBody {

    private BoundedBody() {
    }

    /** Whether a {@code Content-Length} announces more than {@code max} bytes. */
    static boolean announcedOver(@Nullable String contentLength, long max) {
        return contentLength != null && contentLength.trim().matches("\\d{1,18}")
                && Long.parseLong(contentLength.trim()) > max;
    }

    /** The bytes of {@code body}, or {@code tooLarge}'s error once they would exceed {@code max}. */
    static Mono<byte[]> read(Flux<ByteBuf> body, int max, Supplier<? extends RuntimeException> tooLarge) {
        return body.reduceWith(ByteArrayOutputStream::new, (out, buf) -> {
            int n = buf.readableBytes();
            if (out.size() + n > max) {
                throw tooLarge.get();
            }
            byte[] chunk = new byte[n];
            buf.readBytes(chunk);
            out.writeBytes(chunk);
            return out;
        }).map(ByteArrayOutputStream::toByteArray).defaultIfEmpty(new byte[0]);
    }
}
