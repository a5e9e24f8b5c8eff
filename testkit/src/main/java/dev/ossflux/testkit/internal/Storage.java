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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
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
    /** Runs the data directory's record writes one at a time, in the order of the changes. */
    private final @Nullable Scheduler writes;
    /** The newest record write; the ones before it finished first. */
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

    Storage(Set<String> buckets, @Nullable Path dataDir, boolean sink) {
        this.dataDir = dataDir == null || sink ? null : new DataDir(dataDir);
        this.sink = sink;
        this.writes = this.dataDir == null ? null : Schedulers.newSingle("ossflux-emulator-data-dir", true);
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
        synchronized (this) {
            ObjectEntry old = objects.get(entry.meta().bucket()).put(entry.meta().key(), entry);
            return persist(data -> data.writeObject(entry), old == null ? List.of() : List.of(old.content()));
        }
    }

    Mono<Void> deleteObject(String bucket, String key) {
        synchronized (this) {
            ObjectEntry old = objects.get(bucket).remove(key);
            return old == null ? Mono.empty() : persist(data -> data.deleteObject(bucket, key), List.of(old.content()));
        }
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
        synchronized (this) {
            uploads.put(meta.uploadId(), new UploadEntry(meta));
            return persist(data -> data.writeUpload(meta), List.of());
        }
    }

    /** Adds or replaces a part; {@code NoSuchUpload} (the part released) when the upload was closed meanwhile. */
    Mono<Void> putPart(UploadEntry upload, PartEntry part) {
        synchronized (this) {
            if (uploads.get(upload.meta().uploadId()) != upload) {
                part.content().release();
                return Mono.error(OssError.noSuchUpload(upload.meta().uploadId()));
            }
            PartEntry old = upload.parts().put(part.meta().partNumber(), part);
            return persist(data -> data.writePart(upload.meta(), part),
                    old == null ? List.of() : List.of(old.content()));
        }
    }

    /**
     * Closes {@code upload} and stores the object made of it, in one step against every other request on
     * the upload: {@code select} picks the parts (or throws, leaving the upload open), {@code build} makes
     * the object, whose content takes over the picked parts' bytes; the other parts are released. The
     * loser of a race with another Complete or an Abort gets {@code NoSuchUpload} and changes nothing.
     */
    Mono<Void> completeUpload(UploadEntry upload, Function<UploadEntry, List<PartEntry>> select,
            Function<List<PartEntry>, ObjectEntry> build) {
        synchronized (this) {
            requireOpen(upload);
            List<PartEntry> picked = select.apply(upload);
            ObjectEntry object = build.apply(picked);
            uploads.remove(upload.meta().uploadId());
            List<Content> unpicked = new ArrayList<>();
            upload.parts().values().stream().filter(part -> !picked.contains(part))
                    .forEach(part -> unpicked.add(part.content()));
            ObjectEntry old = objects.get(object.meta().bucket()).put(object.meta().key(), object);
            if (old != null) {
                unpicked.add(old.content());
            }
            return persist(data -> {
                data.deleteUpload(upload.meta());
                data.writeObject(object);
            }, unpicked);
        }
    }

    /** Closes {@code upload} and releases its parts; {@code NoSuchUpload} when a Complete or Abort closed it first. */
    Mono<Void> abortUpload(UploadEntry upload) {
        synchronized (this) {
            requireOpen(upload);
            uploads.remove(upload.meta().uploadId());
            return persist(data -> data.deleteUpload(upload.meta()),
                    upload.parts().values().stream().map(PartEntry::content).toList());
        }
    }

    private void requireOpen(UploadEntry upload) {
        if (uploads.get(upload.meta().uploadId()) != upload) {
            throw OssError.noSuchUpload(upload.meta().uploadId());
        }
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
        if (writes != null) {
            awaitWrites();
            writes.dispose();
        }
        if (dataDir == null) {
            objects.values().forEach(byKey -> byKey.values().forEach(e -> e.content().release()));
            uploads.values().forEach(u -> u.parts().values().forEach(p -> p.content().release()));
        }
        objects.clear();
        uploads.clear();
    }

    /** Waits, on the closing thread, until the records written so far are on disk. */
    private void awaitWrites() {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = lastWrite;
        }
        try {
            last.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the failed write answered its request with an error already
        }
    }

    /**
     * Writes {@code change} to the data directory, then releases {@code freed}. Called under the storage lock,
     * so changes reach the disk in the order they were made in memory; the write runs whether or not the
     * returned {@code Mono} is subscribed, and cancelling it does not stop the write.
     */
    private Mono<Void> persist(Consumer<DataDir> change, List<Content> freed) {
        DataDir data = dataDir;
        if (data == null) {
            freed.forEach(Content::release);
            return Mono.empty();
        }
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> change.accept(data), writes::schedule);
        lastWrite = written;
        written.whenComplete((ignored, error) -> freed.forEach(Content::release));
        return Mono.fromFuture(written, true);
    }
}
