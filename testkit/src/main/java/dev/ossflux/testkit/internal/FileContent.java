package dev.ossflux.testkit.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Bytes in blob files of the data directory (one per PutObject or part); read and deleted off the event loop. */
final class FileContent extends Content {

    private static final int CHUNK = 64 * 1024;

    private final List<Segment> segments;
    private final long size;

    FileContent(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        this.size = segments.stream().mapToLong(Segment::size).sum();
    }

    List<Segment> segments() {
        return segments;
    }

    @Override
    long size() {
        return size;
    }

    @Override
    Flux<ByteBuf> read(long offset, long length) {
        List<Segment> pieces = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        long position = 0;
        for (Segment segment : segments) {
            long from = Math.max(offset, position);
            long to = Math.min(offset + length, position + segment.size());
            if (from < to) {
                pieces.add(new Segment(segment.file(), to - from));
                starts.add(from - position);
            }
            position += segment.size();
        }
        return Flux.range(0, pieces.size())
                .concatMap(i -> readFile(pieces.get(i).file(), starts.get(i), pieces.get(i).size()))
                .doOnDiscard(ByteBuf.class, ReferenceCountUtil::safeRelease);
    }

    private static Flux<ByteBuf> readFile(Path file, long start, long length) {
        return Flux.using(() -> FileChannel.open(file, StandardOpenOption.READ),
                channel -> Flux.<ByteBuf, Long>generate(() -> start, (position, sink) -> {
                    long remaining = start + length - position;
                    if (remaining <= 0) {
                        sink.complete();
                        return position;
                    }
                    int n = (int) Math.min(CHUNK, remaining);
                    ByteBuf buf = PooledByteBufAllocator.DEFAULT.ioBuffer(n);
                    try {
                        while (buf.writerIndex() < n) {
                            int read = buf.writeBytes(channel, position + buf.writerIndex(), n - buf.writerIndex());
                            if (read < 0) {
                                throw new IOException(file + " ended before byte " + (position + n));
                            }
                        }
                    } catch (IOException e) {
                        buf.release();
                        sink.error(e);
                        return position;
                    }
                    sink.next(buf);
                    return position + n;
                }), FileContent::closeQuietly).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    byte[] copy() {
        byte[] bytes = new byte[Math.toIntExact(size)];
        int position = 0;
        try {
            for (Segment segment : segments) {
                byte[] part = Files.readAllBytes(segment.file());
                System.arraycopy(part, 0, bytes, position, part.length);
                position += part.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    @Override
    protected void deallocate() {
        Schedulers.boundedElastic().schedule(() -> segments.forEach(segment -> {
            try {
                Files.deleteIfExists(segment.file());
            } catch (IOException ignored) {
                // a leftover blob only costs disk space
            }
        }));
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only channel
        }
    }

    /** One blob file and its length. */
    record Segment(Path file, long size) {
    }
}
