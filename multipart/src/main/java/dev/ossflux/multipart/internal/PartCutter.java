package dev.ossflux.multipart.internal;

import dev.ossflux.multipart.MultipartOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Cuts a stream of buffers into parts of {@code partSize} bytes without copying: a part is a list
 * of slices of the incoming buffers. Source buffers are split at part boundaries, then grouped
 * with {@code bufferUntil}, which pulls the next buffer only while a part is requested: apart
 * from the one source buffer in hand, the cutter holds no bytes that downstream has not asked for.
 */
final class PartCutter {

    /** A part cut from the stream; {@code full} is false only for a last, shorter part. */
    record Part(int number, List<ByteBuffer> buffers, long size, boolean full) {
    }

    private record Slice(ByteBuffer bytes, boolean endsPart) {
    }

    private final long partSize;
    private long roomInPart;
    private int emitted;

    private PartCutter(long partSize) {
        this.partSize = partSize;
        this.roomInPart = partSize;
    }

    static Flux<Part> cut(Flux<ByteBuffer> source, long partSize) {
        return Flux.defer(() -> {
            PartCutter cutter = new PartCutter(partSize);
            return source.concatMapIterable(cutter::slice, 1)
                    .bufferUntil(Slice::endsPart)
                    .defaultIfEmpty(List.of())
                    .map(cutter::part);
        });
    }

    private List<Slice> slice(ByteBuffer buffer) {
        List<Slice> slices = new ArrayList<>(1);
        ByteBuffer rest = buffer.slice();
        while (rest.hasRemaining()) {
            int take = (int) Math.min(rest.remaining(), roomInPart);
            slices.add(new Slice(rest.slice().limit(take), take == roomInPart));
            rest.position(rest.position() + take);
            roomInPart = take == roomInPart ? partSize : roomInPart - take;
        }
        return slices;
    }

    private Part part(List<Slice> slices) {
        if (emitted == MultipartOptions.MAX_PARTS) {
            throw new IllegalStateException("data: the stream needs more than " + MultipartOptions.MAX_PARTS
                    + " parts of " + partSize + " bytes; use a larger partSize");
        }
        List<ByteBuffer> buffers = slices.stream().map(Slice::bytes).toList();
        long size = buffers.stream().mapToLong(ByteBuffer::remaining).sum();
        return new Part(++emitted, buffers, size, size == partSize);
    }
}
