package dev.ossflux.core;

import io.netty.buffer.ByteBuf;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.util.Logger;
import reactor.util.Loggers;

/** The body of one attempt as it goes out: CRC-64 and byte count computed on the way, progress reported. */
final class SentBody {

    private static final Logger LOG = Loggers.getLogger(SentBody.class);

    private final OpenedBody opened;
    private final @Nullable ProgressListener listener;
    private final OptionalLong knownCrc;
    private volatile long crc;
    private volatile long bytes;

    SentBody(OpenedBody opened, @Nullable ProgressListener listener) {
        this.opened = opened;
        this.listener = listener;
        this.knownCrc = opened.crc64();
    }

    Flux<ByteBuf> content() {
        return knownCrc.isPresent() && listener == null ? opened.content() : opened.content().doOnNext(this::sent);
    }

    long length() {
        return opened.length();
    }

    OptionalLong crc64() {
        return knownCrc.isPresent() ? knownCrc : OptionalLong.of(crc);
    }

    long bytes() {
        return knownCrc.isPresent() && listener == null ? opened.length() : bytes;
    }

    private void sent(ByteBuf chunk) {
        if (knownCrc.isEmpty()) {
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
