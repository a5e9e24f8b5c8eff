package dev.ossflux.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Heap bytes on their way to the socket as pooled direct buffers, the copy Netty would otherwise make
 * itself (into a fresh, unpooled buffer for a large body). Up to {@link #CHUNK} bytes go as one buffer
 * (one {@code Mono}, so that Reactor Netty writes headers and body together); more go as chunks of that
 * size, each made when the connection asks for it. While copying, each piece is hashed right after it
 * was copied, still in the CPU's cache: the copy and the CRC-64 make one pass over memory.
 */
final class DirectChunks {

    /** The largest buffer handed to the connection. */
    static final int CHUNK = 256 * 1024;
    /** Copied then hashed while in the first-level cache: {@link Crc64}'s largest block. */
    private static final int PIECE = 24 * 1024;

    private final byte[] array;
    private final int offset;
    private final int length;

    /** The {@code length > 0} bytes of {@code array} from {@code offset}, which must not change while sent. */
    DirectChunks(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    /** The bytes, copied only. */
    Publisher<ByteBuf> copies() {
        return chunks(null);
    }

    /** The bytes, copied and hashed; {@code hashed} gets their CRC-64 once the last chunk is made. */
    Publisher<ByteBuf> hashedCopies(LongConsumer hashed) {
        return chunks(hashed);
    }

    private Publisher<ByteBuf> chunks(@Nullable LongConsumer hashed) {
        if (length <= CHUNK) {
            return Mono.fromSupplier(() -> new Cursor(hashed).next());
        }
        return Flux.generate(() -> new Cursor(hashed), (cursor, sink) -> {
            sink.next(cursor.next());
            if (cursor.done()) {
                sink.complete();
            }
            return cursor;
        });
    }

    /** Where one subscription is: the next byte to copy and the CRC-64 so far. */
    private final class Cursor {

        private final @Nullable LongConsumer hashed;
        private int position = offset;
        private long crc;

        Cursor(@Nullable LongConsumer hashed) {
            this.hashed = hashed;
        }

        boolean done() {
            return position == offset + length;
        }

        ByteBuf next() {
            int size = Math.min(CHUNK, offset + length - position);
            ByteBuf chunk = ByteBufAllocator.DEFAULT.directBuffer(size, size);
            if (hashed == null) {
                chunk.writeBytes(array, position, size);
            } else {
                for (int end = position + size, i = position; i < end; i += PIECE) {
                    int n = Math.min(PIECE, end - i);
                    chunk.writeBytes(array, i, n);
                    crc = Crc64.update(crc, array, i, n);
                }
            }
            position += size;
            if (hashed != null && done()) {
                hashed.accept(crc);
            }
            return chunk;
        }
    }
}
