package dev.ossflux.testkit.internal;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The stored bytes of an object or part, reference counted: the store holds one reference, and a
 * reader {@linkplain #tryRetain() retains} it while it streams.
 */
abstract class Content {

    private final AtomicInteger references = new AtomicInteger(1);

    abstract long size();

    /**
     * Streams {@code [offset, offset + length)}; the caller releases every buffer (Reactor Netty does
     * when sending).
     */
    abstract Flux<ByteBuf> read(long offset, long length);

    /** A copy of all bytes, or null when the bytes were discarded (sink mode); may read files. */
    abstract byte @Nullable [] copy();

    /** Frees the bytes once the last reference is gone. */
    protected abstract void deallocate();

    final boolean tryRetain() {
        while (true) {
            int count = references.get();
            if (count == 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    final void release() {
        if (references.decrementAndGet() == 0) {
            deallocate();
        }
    }

    /** The parts joined in order; ownership of their bytes moves to the result, so the parts are not released. */
    static Content concat(List<Content> parts) {
        long size = parts.stream().mapToLong(Content::size).sum();
        if (!parts.isEmpty() && parts.stream().allMatch(MemoryContent.class::isInstance)) {
            List<ByteBuf> chunks = new ArrayList<>();
            parts.forEach(part -> chunks.addAll(((MemoryContent) part).chunks()));
            return new MemoryContent(chunks, size);
        }
        if (!parts.isEmpty() && parts.stream().allMatch(FileContent.class::isInstance)) {
            List<FileContent.Segment> segments = new ArrayList<>();
            parts.forEach(part -> segments.addAll(((FileContent) part).segments()));
            return new FileContent(segments);
        }
        return new SinkContent(size);
    }
}
