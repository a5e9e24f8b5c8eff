package dev.ossflux.core;

import io.netty.buffer.ByteBuf;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
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
    private final OptionalLong knownCrc;
    private final boolean counted;
    private volatile long crc;
    private volatile long bytes;

    SentBody(OpenedBody opened, @Nullable ProgressListener listener, boolean countBytes) {
        this.opened = opened;
        this.listener = listener;
        this.knownCrc = opened.crc64();
        this.counted = knownCrc.isEmpty() || listener != null || countBytes;
    }

    Flux<ByteBuf> content() {
        return counted ? opened.content().doOnNext(this::sent) : opened.content();
    }

    long length() {
        return opened.length();
    }

    OptionalLong crc64() {
        return knownCrc.isPresent() ? knownCrc : OptionalLong.of(crc);
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
