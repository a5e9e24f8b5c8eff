package dev.ossflux.testkit.internal;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/** Bytes kept as the buffers they arrived in (retained, never copied), in order. */
final class MemoryContent extends Content {

    private final List<ByteBuf> chunks;
    private final long size;

    MemoryContent(List<ByteBuf> chunks, long size) {
        this.chunks = List.copyOf(chunks);
        this.size = size;
    }

    List<ByteBuf> chunks() {
        return chunks;
    }

    @Override
    long size() {
        return size;
    }

    @Override
    Flux<ByteBuf> read(long offset, long length) {
        return Flux.defer(() -> {
            List<ByteBuf> slices = new ArrayList<>();
            long position = 0;
            long end = offset + length;
            for (ByteBuf chunk : chunks) {
                long chunkEnd = position + chunk.readableBytes();
                long from = Math.max(offset, position);
                long to = Math.min(end, chunkEnd);
                if (from < to) {
                    slices.add(chunk.slice(chunk.readerIndex() + (int) (from - position), (int) (to - from)));
                }
                position = chunkEnd;
                if (position >= end) {
                    break;
                }
            }
            return Flux.fromIterable(slices).map(ByteBuf::retain);
        });
    }

    @Override
    byte[] copy() {
        byte[] bytes = new byte[Math.toIntExact(size)];
        int position = 0;
        for (ByteBuf chunk : chunks) {
            int n = chunk.readableBytes();
            chunk.getBytes(chunk.readerIndex(), bytes, position, n);
            position += n;
        }
        return bytes;
    }

    @Override
    protected void deallocate() {
        chunks.forEach(ByteBuf::release);
    }
}
