package dev.ossflux.core;

import io.netty.buffer.ByteBuf;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The body of one attempt as it goes out: CRC-64 and byte count computed on the way when they are
 * not known up front or someone needs them (a progress listener, a request whose outcome must be
 * checked after a failure), progress reported.
 */
final class SentBody {

    private static final Logger LOG = Loggers.getLogger(SentBody.class);

    private final OpenedBody opened;
    private final @Nullable ProgressListener listener;
    private final boolean checksummed;
    private final boolean counted;
    private volatile long crc;
    private volatile long bytes;

    SentBody(OpenedBody opened, @Nullable ProgressListener listener, boolean countBytes) {
        this.opened = opened;
        this.listener = listener;
        this.checksummed = opened.checksummed();
        this.counted = !checksummed || listener != null || countBytes;
    }

    /** The content, a {@code Mono} when the body gave one. */
    Publisher<ByteBuf> content() {
        Publisher<ByteBuf> content = opened.content();
        if (!counted) {
            return content;
        }
        return content instanceof Mono<ByteBuf> one
                ? one.doOnNext(this::sent)
                : Flux.from(content).doOnNext(this::sent);
    }

    long length() {
        return opened.length();
    }

    OptionalLong crc64() {
        return checksummed ? opened.crc64() : OptionalLong.of(crc);
    }

    /** The bytes handed to the connection; all of them when they were not counted and the attempt succeeded. */
    long bytes() {
        return counted ? bytes : opened.length();
    }

    /** Whether every byte was handed to the connection, so that the server may have received the whole body. */
    boolean sentInFull() {
        return bytes() == opened.length();
    }

    private void sent(ByteBuf chunk) {
        if (!checksummed) {
            crc = Crc64.update(crc, chunk.nioBuffers());
        }
        long total = bytes + chunk.readableBytes();
        bytes = total;
        if (listener != null) {
            try {
                listener.onProgress(new Progress(total, OptionalLong.of(opened.length()), 0, OptionalInt.empty()));
            } catch (RuntimeException e) {
                LOG.warn("Progress listener failed; ignoring it", e);
            }
        }
    }
}
