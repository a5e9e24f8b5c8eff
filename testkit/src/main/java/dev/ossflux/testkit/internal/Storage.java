package dev.ossflux.testkit.internal;

import dev.ossflux.testkit.internal.Entries.ObjectEntry;
import dev.ossflux.testkit.internal.Entries.PartEntry;
import dev.ossflux.testkit.internal.Entries.UploadEntry;
import dev.ossflux.testkit.internal.Entries.UploadMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The emulator's state: objects and open multipart uploads, indexed in memory; with a data directory
 * every change is also written to disk (off the event loop) and reloaded on the next start.
 */
final class Storage {

    private final Set<String> buckets = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, ObjectEntry>> objects = new ConcurrentHashMap<>();
    private final Map<String, UploadEntry> uploads = new ConcurrentHashMap<>();
    private final @Nullable DataDir dataDir;
    private final boolean sink;

    Storage(Set<String> buckets, @Nullable Path dataDir, boolean sink) {
        this.dataDir = dataDir == null || sink ? null : new DataDir(dataDir);
        this.sink = sink;
        buckets.forEach(this::createBucket);
        if (this.dataDir != null) {
            List<ObjectEntry> loadedObjects = new ArrayList<>();
            List<UploadEntry> loadedUploads = new ArrayList<>();
            this.dataDir.load(loadedObjects, loadedUploads);
            for (ObjectEntry entry : loadedObjects) {
                createBucket(entry.meta().bucket());
                objects.get(entry.meta().bucket()).put(entry.meta().key(), entry);
            }
            for (UploadEntry upload : loadedUploads) {
                createBucket(upload.meta().bucket());
                uploads.put(upload.meta().uploadId(), upload);
            }
        }
    }

    void createBucket(String bucket) {
        buckets.add(bucket);
        objects.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>());
    }

    Set<String> buckets() {
        return buckets;
    }

    void requireBucket(String bucket) {
        if (!buckets.contains(bucket)) {
            throw OssError.noSuchBucket(bucket);
        }
    }

    ContentWriter writer() {
        if (sink) {
            return new ContentWriter.Sink();
        }
        return dataDir == null ? new ContentWriter.Memory() : new ContentWriter.File(dataDir.newBlob());
    }

    /** The object with its content retained for the caller, who must release it; null when absent. */
    @Nullable ObjectEntry retainObject(String bucket, String key) {
        Map<String, ObjectEntry> byKey = objects.get(bucket);
        while (true) {
            ObjectEntry entry = byKey == null ? null : byKey.get(key);
            if (entry == null || entry.content().tryRetain()) {
                return entry;
            }
        }
    }

    boolean exists(String bucket, String key) {
        Map<String, ObjectEntry> byKey = objects.get(bucket);
        return byKey != null && byKey.containsKey(key);
    }

    Mono<Void> putObject(ObjectEntry entry) {
        ObjectEntry old = objects.get(entry.meta().bucket()).put(entry.meta().key(), entry);
        return persist(data -> data.writeObject(entry)).doFinally(signal -> {
            if (old != null) {
                old.content().release();
            }
        });
    }

    Mono<Void> deleteObject(String bucket, String key) {
        ObjectEntry old = objects.get(bucket).remove(key);
        if (old == null) {
            return Mono.empty();
        }
        return persist(data -> data.deleteObject(bucket, key)).doFinally(signal -> old.content().release());
    }

    @Nullable UploadEntry upload(String uploadId) {
        return uploads.get(uploadId);
    }

    /** The upload {@code uploadId} of {@code bucket}/{@code key}, or {@code NoSuchUpload}. */
    UploadEntry requireUpload(String bucket, String key, String uploadId) {
        UploadEntry upload = uploads.get(uploadId);
        if (upload == null || !upload.meta().bucket().equals(bucket) || !upload.meta().key().equals(key)) {
            throw OssError.noSuchUpload(uploadId);
        }
        return upload;
    }

    Mono<Void> initiate(UploadMeta meta) {
        uploads.put(meta.uploadId(), new UploadEntry(meta));
        return persist(data -> data.writeUpload(meta));
    }

    Mono<Void> putPart(UploadEntry upload, PartEntry part) {
        if (uploads.get(upload.meta().uploadId()) != upload) {
            part.content().release();
            return Mono.error(OssError.noSuchUpload(upload.meta().uploadId()));
        }
        PartEntry old = upload.parts().put(part.meta().partNumber(), part);
        return persist(data -> data.writePart(upload.meta(), part)).doFinally(signal -> {
            if (old != null) {
                old.content().release();
            }
        });
    }

    /** Forgets the upload; releases the parts not in {@code kept}, whose bytes moved to an object. */
    Mono<Void> removeUpload(UploadEntry upload, Set<Integer> kept) {
        if (!uploads.remove(upload.meta().uploadId(), upload)) {
            return Mono.empty();
        }
        upload.parts().forEach((number, part) -> {
            if (!kept.contains(number)) {
                part.content().release();
            }
        });
        return persist(data -> data.deleteUpload(upload.meta()));
    }

    /** Open uploads of {@code bucket}, sorted by key, then upload id. */
    List<UploadEntry> uploads(String bucket) {
        return uploads.values().stream().filter(u -> u.meta().bucket().equals(bucket))
                .sorted(Comparator.comparing((UploadEntry u) -> u.meta().key())
                        .thenComparing(u -> u.meta().uploadId()))
                .toList();
    }

    /** Frees memory held by bodies; files of a data directory stay for the next run. */
    void close() {
        if (dataDir == null) {
            objects.values().forEach(byKey -> byKey.values().forEach(e -> e.content().release()));
            uploads.values().forEach(u -> u.parts().values().forEach(p -> p.content().release()));
        }
        objects.clear();
        uploads.clear();
    }

    private Mono<Void> persist(java.util.function.Consumer<DataDir> change) {
        DataDir data = dataDir;
        if (data == null) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> change.accept(data)).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
