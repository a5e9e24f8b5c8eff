package dev.ossflux.testkit.internal;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Receives a body's buffers in order and turns them into {@link Content}; takes ownership of each buffer. */
interface ContentWriter {

    Mono<Void> write(ByteBuf buffer);

    Mono<Content> finish(long size);

    /** Frees what was written; the body will not be stored. */
    void abort();

    /**
     * Keeps the buffers as they are. An abort can come from another thread than the writes (a
     * cancelled request), so the buffers change hands under the writer's lock: each is released by
     * the abort or owned by the finished content, never both.
     */
    final class Memory implements ContentWriter {
        private List<ByteBuf> chunks = new ArrayList<>();
        private boolean done;

        @Override
        public Mono<Void> write(ByteBuf buffer) {
            boolean kept;
            synchronized (this) {
                kept = !done && buffer.isReadable() && chunks.add(buffer);
            }
            if (!kept) {
                buffer.release();
            }
            return Mono.empty();
        }

        @Override
        public Mono<Content> finish(long size) {
            return Mono.fromSupplier(() -> new MemoryContent(take(), size));
        }

        @Override
        public void abort() {
            take().forEach(ByteBuf::release);
        }

        private synchronized List<ByteBuf> take() {
            List<ByteBuf> taken = chunks;
            chunks = new ArrayList<>();
            done = true;
            return taken;
        }
    }

    /** Drops the bytes (they were hashed already). */
    final class Sink implements ContentWriter {
        @Override
        public Mono<Void> write(ByteBuf buffer) {
            buffer.release();
            return Mono.empty();
        }

        @Override
        public Mono<Content> finish(long size) {
            return Mono.just(new SinkContent(size));
        }

        @Override
        public void abort() {
        }
    }

    /** Appends to a new blob file on the bounded elastic scheduler. */
    final class File implements ContentWriter {
        private final Path blob;
        private @Nullable FileChannel channel;
        private boolean aborted;

        File(Path blob) {
            this.blob = blob;
        }

        /**
         * Writes and then releases {@code buffer}. A cancel while the write runs leaves the release to
         * the write, which is still reading the buffer; a cancel before it starts releases at once.
         */
        @Override
        public Mono<Void> write(ByteBuf buffer) {
            AtomicBoolean unclaimed = new AtomicBoolean(true);
            return Mono.<Void>fromRunnable(() -> {
                if (!unclaimed.compareAndSet(true, false)) {
                    return;
                }
                try {
                    FileChannel out = open();
                    for (ByteBuffer nio : buffer.nioBuffers()) {
                        while (nio.hasRemaining()) {
                            out.write(nio);
                        }
                    }
                } catch (IOException e) {
                    if (!aborted()) {
                        throw new UncheckedIOException(e);
                    }
                } finally {
                    buffer.release();
                }
            }).subscribeOn(Schedulers.boundedElastic()).doFinally(signal -> {
                if (unclaimed.compareAndSet(true, false)) {
                    buffer.release();
                }
            });
        }

        @Override
        public Mono<Content> finish(long size) {
            return Mono.fromCallable(() -> {
                open().close();
                return (Content) new FileContent(List.of(new FileContent.Segment(blob, size)));
            }).subscribeOn(Schedulers.boundedElastic());
        }

        /** Closes and deletes the blob; a write still running then fails quietly and cannot create it again. */
        @Override
        public void abort() {
            Schedulers.boundedElastic().schedule(() -> {
                synchronized (this) {
                    aborted = true;
                    try {
                        if (channel != null) {
                            channel.close();
                        }
                        Files.deleteIfExists(blob);
                    } catch (IOException ignored) {
                        // a leftover blob only costs disk space
                    }
                }
            });
        }

        private synchronized boolean aborted() {
            return aborted;
        }

        private synchronized FileChannel open() throws IOException {
            if (aborted) {
                throw new ClosedChannelException();
            }
            if (channel == null) {
                channel = FileChannel.open(blob, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            return channel;
        }
    }
}
