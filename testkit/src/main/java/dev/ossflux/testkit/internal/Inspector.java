package dev.ossflux.testkit.internal;

import dev.ossflux.testkit.PendingUpload;
import dev.ossflux.testkit.StoredObject;
import dev.ossflux.testkit.internal.Entries.ObjectEntry;
import dev.ossflux.testkit.internal.Entries.ObjectMeta;
import java.time.Instant;
import java.util.Optional;

/** Snapshots of the emulator's state for tests. */
public final class Inspector {

    private final Storage storage;

    Inspector(Storage storage) {
        this.storage = storage;
    }

    public Optional<StoredObject> object(String bucket, String key) {
        ObjectEntry entry = storage.retainObject(bucket, key);
        if (entry == null) {
            return Optional.empty();
        }
        try {
            ObjectMeta m = entry.meta();
            return Optional.of(new StoredObject(m.bucket(), m.key(), m.size(), m.etag(),
                    Long.parseUnsignedLong(m.crc64()), Optional.ofNullable(m.contentMd5()), m.contentType(),
                    m.userMetadata(), m.objectType(),
                    Instant.ofEpochMilli(m.lastModifiedMillis()), entry.content().copy()));
        } finally {
            entry.content().release();
        }
    }

    public java.util.List<PendingUpload> pendingUploads(String bucket) {
        return storage.uploads(bucket).stream().map(u -> new PendingUpload(u.meta().bucket(), u.meta().key(),
                u.meta().uploadId(), Instant.ofEpochMilli(u.meta().initiatedMillis()),
                u.parts().values().stream().map(p -> new PendingUpload.Part(p.meta().partNumber(), p.meta().size(),
                        p.meta().etag(), Long.parseUnsignedLong(p.meta().crc64()),
                        Instant.ofEpochMilli(p.meta().lastModifiedMillis()))).toList())).toList();
    }
}
