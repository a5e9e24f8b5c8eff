package dev.ossflux.multipart.internal;

import dev.ossflux.core.Crc64;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Checksums of byte ranges of a file, read off the event loop. */
final class FileRegions {

    private static final int CHUNK = 256 * 1024;

    private FileRegions() {
    }

    /** The CRC-64 of {@code length} bytes of {@code file} from {@code offset}. */
    static Mono<Long> crc64(Path file, long offset, long length) {
        return Mono.fromCallable(() -> {
            long crc = 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
                long position = offset;
                long end = offset + length;
                while (position < end) {
                    buffer.clear().limit((int) Math.min(CHUNK, end - position));
                    int read = channel.read(buffer, position);
                    if (read < 0) {
                        throw new EOFException(file + " is shorter than its checkpoint says");
                    }
                    position += read;
                    crc = Crc64.update(crc, buffer.flip());
                }
            }
            return crc;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
