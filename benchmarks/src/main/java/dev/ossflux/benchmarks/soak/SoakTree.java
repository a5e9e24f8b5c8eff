package dev.ossflux.benchmarks.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One round's directory for the batch: 24 small files (1 byte to 64 KiB) in three folders and one of
 * 18 MiB (a multipart upload with a checkpoint inside the batch), each known by its size and CRC-64.
 */
final class SoakTree {

    /** A file of the tree. */
    record File(long size, long crc64) {
    }

    private static final int SMALL_FILES = 24;
    private static final long BIG_FILE = 18L << 20;

    private final Path root;
    private final Map<String, File> files;

    private SoakTree(Path root, Map<String, File> files) {
        this.root = root;
        this.files = files;
    }

    static Mono<SoakTree> write(Path root, long seed) {
        return Mono.fromCallable(() -> {
            Random random = new Random(seed);
            Map<String, File> files = new HashMap<>();
            for (int i = 0; i < SMALL_FILES; i++) {
                String name = "d" + (i % 3) + "/f" + i + ".bin";
                files.put(name, write(root, name, 1 + random.nextInt(64 * 1024), random.nextLong()));
            }
            files.put("big.bin", write(root, "big.bin", BIG_FILE, random.nextLong()));
            return new SoakTree(root, files);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static File write(Path root, String name, long size, long seed) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        SourceFiles.Source written = SourceFiles.write(file, size, seed);
        return new File(written.size(), written.crc64());
    }

    Path root() {
        return root;
    }

    /** The file at {@code relative} ({@code /}-separated). */
    File file(String relative) {
        File file = files.get(relative);
        if (file == null) {
            throw new IllegalArgumentException("not in the tree: " + relative);
        }
        return file;
    }

    /** Removes the tree from the disk. */
    Mono<Void> delete() {
        return Mono.<Void>fromRunnable(() -> {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
