package dev.ossflux.core;

import dev.ossflux.core.internal.sign.Hashing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code length} bytes of a file from {@code offset}: a whole-file upload or one part of a
 * multipart upload. All file I/O runs on {@link Schedulers#boundedElastic()}.
 */
final class FileSlice extends ReadyBody {

    /** Chunk size: large enough for the four-lane CRC-64 loop, small enough to stream. */
    static final int CHUNK = 128 * 1024;

    private final Path file;
    private final long offset;
    private final long length;

    FileSlice(Path file, long offset, long length) {
        this.file = file;
        this.offset = offset;
        this.length = length;
    }

    /** The size of {@code file}, read off the event loop. */
    static Mono<Long> size(Path file) {
        return Mono.fromCallable(() -> Files.size(file)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Flux<ByteBuf> content() {
        return Flux.<ByteBuf, Cursor>generate(this::openCursor, (cursor, sink) -> {
            if (cursor.remaining == 0) {
                sink.complete();
                return cursor;
            }
            int size = (int) Math.min(CHUNK, cursor.remaining);
            ByteBuf chunk = ByteBufAllocator.DEFAULT.directBuffer(size, size);
            try {
                while (chunk.isWritable()) {
                    int read = chunk.writeBytes(cursor.channel, cursor.position, chunk.writableBytes());
                    if (read < 0) {
                        throw new EOFException(file + " ended " + cursor.remaining + " bytes early: it changed "
                                + "while being uploaded");
                    }
                    cursor.position += read;
                }
            } catch (IOException e) {
                chunk.release();
                sink.error(e);
                return cursor;
            }
            cursor.remaining -= size;
            sink.next(chunk);
            return cursor;
        }, Cursor::close)
                .doOnDiscard(ByteBuf.class, ReferenceCountUtil::safeRelease)
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    Mono<String> contentMd5() {
        return Mono.defer(() -> content().reduce(Hashing.md5(), (md5, chunk) -> {
            try {
                md5.update(chunk.nioBuffer());
            } finally {
                chunk.release();
            }
            return md5;
        })).map(md5 -> Base64.getEncoder().encodeToString(md5.digest()));
    }

    private Cursor openCursor() {
        try {
            return new Cursor(FileChannel.open(file, StandardOpenOption.READ), offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "FileSlice[" + file + ", offset=" + offset + ", length=" + length + "]";
    }

    private static final class Cursor {
        final FileChannel channel;
        long position;
        long remaining;

        Cursor(FileChannel channel, long position, long remaining) {
            this.channel = channel;
            this.position = position;
            this.remaining = remaining;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a read-only channel loses nothing
            }
        }
    }
}
