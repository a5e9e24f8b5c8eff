package dev.ossflux.benchmarks.soak;

import dev.ossflux.core.Crc64;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The soak's files on disk: two random files for the multipart uploads (20 and 28 MiB, above the
 * multipart threshold), written once with their CRC-64, and the folder the batch trees go in.
 */
final class SourceFiles {

    /** A file to upload, with its size and CRC-64. */
    record Source(Path path, long size, long crc64) {
    }

    private final List<Source> files;
    private final Path batchRoot;

    private SourceFiles(List<Source> files, Path batchRoot) {
        this.files = files;
        this.batchRoot = batchRoot;
    }

    static SourceFiles write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        return new SourceFiles(List.of(write(dir.resolve("file-20m.bin"), 20 << 20, seed),
                write(dir.resolve("file-28m.bin"), 28 << 20, seed + 1)),
                Files.createDirectories(dir.resolve("batches")));
    }

    /** Writes {@code size} random bytes to {@code file}; answers it with its CRC-64. */
    static Source write(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        long crc = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                int n = (int) Math.min(block.length, left);
                random.nextBytes(block);
                out.write(block, 0, n);
                crc = Crc64.update(crc, block, 0, n);
            }
        }
        return new Source(file, size, crc);
    }

    Source pick(Random random) {
        return files.get(random.nextInt(files.size()));
    }

    Path batchRoot() {
        return batchRoot;
    }
}
