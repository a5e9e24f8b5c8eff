package dev.ossflux.benchmarks.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The directory tree of the batch scenario: {@code count} files of mixed sizes in 20 folders, the
 * same sizes on every run. Nine in ten are 1-32 KiB, nearly all the rest 32-512 KiB, and one in a
 * thousand 8-24 MiB (above the 16 MiB multipart threshold about half the time).
 */
final class BatchTree {

    static final int FOLDERS = 20;

    private BatchTree() {
    }

    /** The size of each file, in order. */
    static long[] sizes(int count) {
        Random random = new Random(6);
        return LongStream.range(0, count).map(i -> {
            int pick = random.nextInt(1000);
            if (pick < 900) {
                return Scenario.KIB + random.nextInt((int) (31 * Scenario.KIB));
            }
            return pick < 999 ? 32 * Scenario.KIB + random.nextInt((int) (480 * Scenario.KIB))
                    : 8 * Scenario.MIB + random.nextInt((int) (16 * Scenario.MIB));
        }).toArray();
    }

    static long totalBytes(int count) {
        return LongStream.of(sizes(count)).sum();
    }

    /** Writes the tree of {@code count} files (random bytes) under {@code dir}. */
    static Path write(Path dir, int count) throws IOException {
        long[] sizes = sizes(count);
        Random random = new Random(7);
        byte[] block = new byte[1024 * 1024];
        random.nextBytes(block);
        for (int i = 0; i < count; i++) {
            Path folder = Files.createDirectories(dir.resolve("folder-" + i % FOLDERS));
            try (OutputStream out = Files.newOutputStream(folder.resolve("file-" + i + ".bin"))) {
                int offset = random.nextInt(block.length);
                for (long left = sizes[i]; left > 0; ) {
                    int n = (int) Math.min(left, block.length - offset);
                    out.write(block, offset, n);
                    left -= n;
                    offset = 0;
                }
            }
        }
        return dir;
    }

    /** Removes {@code dir} and everything under it. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
