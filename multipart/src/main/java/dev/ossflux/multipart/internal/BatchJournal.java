package dev.ossflux.multipart.internal;

import dev.ossflux.core.UploadResult;
import dev.ossflux.core.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The finished items of resumable batches: one JSON line per uploaded file, appended as items end.
 * A line torn by a crash is ignored when read back.
 *
 * <p>Loading compacts the journal: only the latest line of each target whose file is still there
 * unchanged can ever let a rerun skip it, so when the file holds more than those (older lines of a
 * target uploaded again, changed or deleted files, torn lines) it is rewritten with only those, to a
 * temporary file renamed over the old one. The journal therefore stays as large as the set of files
 * a rerun could skip, however many batches ran. Appends and compaction of one journal are serialized
 * within the JVM; batches in other processes sharing the directory may lose a line to a compaction,
 * which only costs that file being uploaded again.
 */
final class BatchJournal {

    /** One uploaded file: where it went and which version of the file it was. */
    record Entry(String bucket, String key, String file, long size, long lastModifiedMillis, String etag,
            long crc64, Optional<String> versionId, String requestId) {

        UploadResult result() {
            return new UploadResult(bucket, key, etag, crc64, size, versionId, requestId, Optional.empty());
        }

        String target() {
            return bucket + "/" + key;
        }

        /** Whether the file is still the version this entry recorded (so that a rerun could skip it). */
        boolean current() {
            try {
                BasicFileAttributes now = Files.readAttributes(Path.of(file), BasicFileAttributes.class);
                return now.isRegularFile() && now.size() == size && now.lastModifiedTime().toMillis()
                        == lastModifiedMillis;
            } catch (IOException | RuntimeException gone) {
                return false;
            }
        }
    }

    /** One lock per journal file, so that a compaction never drops a line appended while it ran. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path path;
    private final Object lock;

    BatchJournal(Path directory) {
        this.path = directory.resolve("batch-journal.jsonl").toAbsolutePath().normalize();
        this.lock = LOCKS.computeIfAbsent(path, any -> new Object());
    }

    /** The recorded entries still of use by {@code bucket + "/" + key}, the latest line winning; compacts the file. */
    Mono<Map<String, Entry>> load() {
        return Mono.fromCallable(() -> {
            synchronized (lock) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(path, StandardCharsets.UTF_8);
                } catch (NoSuchFileException none) {
                    return new HashMap<String, Entry>();
                }
                Map<String, Entry> latest = new HashMap<>();
                for (String line : lines) {
                    try {
                        Entry entry = Json.read(line.getBytes(StandardCharsets.UTF_8), Entry.class);
                        latest.put(entry.target(), entry);
                    } catch (IllegalArgumentException torn) {
                        // a line cut short by a crash records nothing
                    }
                }
                latest.values().removeIf(entry -> !entry.current());
                if (latest.size() < lines.size()) {
                    rewrite(latest);
                }
                return latest;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> append(Entry entry) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                PrivateDirectories.create(path.getParent());
                synchronized (lock) {
                    try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND)) {
                        ByteBuffer buffer = ByteBuffer.wrap(line(entry));
                        while (buffer.hasRemaining()) {
                            out.write(buffer);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not record a finished item in " + path, e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private void rewrite(Map<String, Entry> entries) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        for (Entry entry : entries.values()) {
            kept.writeBytes(line(entry));
        }
        Path temporary = Files.createTempFile(path.getParent(), "batch-journal", ".tmp");
        try {
            Files.write(temporary, kept.toByteArray());
            CheckpointStore.move(temporary, path);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] line(Entry entry) {
        byte[] json = Json.write(entry);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }
}
