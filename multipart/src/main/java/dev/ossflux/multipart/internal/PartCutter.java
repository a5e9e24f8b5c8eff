package dev.ossflux.multipart.internal;

import dev.ossflux.multipart.MultipartOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Cuts a stream of buffers into parts of {@link GrowingPartSizes} without copying: a part is a list
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

    private final GrowingPartSizes sizes;
    private int cutting = 1;
    private long roomInPart;
    private int emitted;

    private PartCutter(GrowingPartSizes sizes) {
        this.sizes = sizes;
        this.roomInPart = sizes.size(1);
    }

    static Flux<Part> cut(Flux<ByteBuffer> source, GrowingPartSizes partSize) {
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
            roomInPart = take == roomInPart ? sizes.size(++cutting) : roomInPart - take;
        }
        return slices;
    }

    private Part part(List<Slice> slices) {
        if (emitted == MultipartOptions.MAX_PARTS) {
            throw new IllegalStateException("data: the stream is longer than the "
                    + sizes.capacity(MultipartOptions.MAX_PARTS) + " bytes 10,000 growing parts from "
                    + sizes.start() + " bytes can hold; use a larger partSize");
        }
        List<ByteBuffer> buffers = slices.stream().map(Slice::bytes).toList();
        long size = buffers.stream().mapToLong(ByteBuffer::remaining).sum();
        emitted++;
        return new Part(emitted, buffers, size, size == sizes.size(emitted));
    }
}
