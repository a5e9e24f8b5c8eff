package dev.ossflux.multipart.internal;

import dev.ossflux.core.UploadResult;
import dev.ossflux.core.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The finished items of resumable batches: one JSON line per uploaded file, appended as items end.
 * A line torn by a crash is ignored when read back; the file is only ever appended to.
 */
final class BatchJournal {

    /** One uploaded file: where it went and which version of the file it was. */
    record Entry(String bucket, String key, String file, long size, long lastModifiedMillis, String etag,
            long crc64, Optional<String> versionId, String requestId) {

        UploadResult result() {
            return new UploadResult(bucket, key, etag, crc64, size, versionId, requestId, Optional.empty());
        }
    }

    private final Path path;

    BatchJournal(Path directory) {
        this.path = directory.resolve("batch-journal.jsonl");
    }

    /** The recorded entries by {@code bucket + "/" + key}, the latest line winning. */
    Mono<Map<String, Entry>> load() {
        return Mono.fromCallable(() -> {
            Map<String, Entry> entries = new HashMap<>();
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException none) {
                return entries;
            }
            for (String line : lines) {
                try {
                    Entry entry = Json.read(line.getBytes(StandardCharsets.UTF_8), Entry.class);
                    entries.put(entry.bucket() + "/" + entry.key(), entry);
                } catch (IllegalArgumentException torn) {
                    // a line cut short by a crash records nothing
                }
            }
            return entries;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> append(Entry entry) {
        return Mono.<Void>fromRunnable(() -> {
            byte[] json = Json.write(entry);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            try {
                PrivateDirectories.create(path.getParent());
                try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not record a finished item in " + path, e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
