package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.json.Json;
import dev.ossflux.core.internal.sign.Hashing;
import dev.ossflux.testkit.internal.Entries.ObjectEntry;
import dev.ossflux.testkit.internal.Entries.ObjectMeta;
import dev.ossflux.testkit.internal.Entries.PartEntry;
import dev.ossflux.testkit.internal.Entries.PartMeta;
import dev.ossflux.testkit.internal.Entries.UploadEntry;
import dev.ossflux.testkit.internal.Entries.UploadMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The on-disk layout of {@code --data-dir}: bodies in {@code blobs/}, and JSON records in
 * {@code objects/<bucket>/<sha256(key)>.json} and {@code uploads/<bucket>/<uploadId>/} (the upload and
 * one file per part). Every method blocks; callers run them off the event loop.
 */
final class DataDir {

    private final Path root;
    private final Path blobs;

    DataDir(Path root) {
        this.root = root;
        this.blobs = root.resolve("blobs");
        try {
            Files.createDirectories(blobs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root, e);
        }
    }

    /** A fresh blob name; not {@code UUID.randomUUID()}, whose SecureRandom may read /dev/urandom on an event loop. */
    Path newBlob() {
        return blobs.resolve(randomName() + ".bin");
    }

    private static String randomName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    record Blob(String name, long size) {
    }

    record ObjectFile(ObjectMeta meta, List<Blob> blobs) {
    }

    record PartFile(PartMeta meta, List<Blob> blobs) {
    }

    void writeObject(ObjectEntry entry) {
        write(objectFile(entry.meta().bucket(), entry.meta().key()),
                new ObjectFile(entry.meta(), blobs(entry.content())));
    }

    void deleteObject(String bucket, String key) {
        delete(objectFile(bucket, key));
    }

    void writeUpload(UploadMeta meta) {
        write(uploadDir(meta).resolve("upload.json"), meta);
    }

    void writePart(UploadMeta upload, PartEntry part) {
        write(uploadDir(upload).resolve(String.format("part-%05d.json", part.meta().partNumber())),
                new PartFile(part.meta(), blobs(part.content())));
    }

    void deleteUpload(UploadMeta upload) {
        Path dir = uploadDir(upload);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // already gone
        }
    }

    /** Everything stored by an earlier run on this directory. */
    void load(List<ObjectEntry> objects, List<UploadEntry> uploads) {
        for (Path file : jsonFiles(root.resolve("objects"))) {
            ObjectFile record = read(file, ObjectFile.class);
            objects.add(new ObjectEntry(record.meta(), content(record.blobs())));
        }
        for (Path file : jsonFiles(root.resolve("uploads"))) {
            if (file.getFileName().toString().equals("upload.json")) {
                UploadEntry upload = new UploadEntry(read(file, UploadMeta.class));
                for (Path partFile : jsonFiles(file.getParent())) {
                    if (partFile.getFileName().toString().startsWith("part-")) {
                        PartFile part = read(partFile, PartFile.class);
                        upload.parts().put(part.meta().partNumber(), new PartEntry(part.meta(), content(part.blobs())));
                    }
                }
                uploads.add(upload);
            }
        }
    }

    private Content content(List<Blob> list) {
        return new FileContent(list.stream().map(b -> new FileContent.Segment(blobs.resolve(b.name()), b.size()))
                .toList());
    }

    private static List<Blob> blobs(Content content) {
        List<Blob> list = new ArrayList<>();
        if (content instanceof FileContent file) {
            file.segments().forEach(s -> list.add(new Blob(s.file().getFileName().toString(), s.size())));
        }
        return list;
    }

    private Path objectFile(String bucket, String key) {
        return root.resolve("objects").resolve(bucket).resolve(sha256(key) + ".json");
    }

    private Path uploadDir(UploadMeta upload) {
        return root.resolve("uploads").resolve(upload.bucket()).resolve(upload.uploadId());
    }

    private static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + "." + randomName() + ".tmp");
            Files.write(temp, Json.write(value));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return Json.read(Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String key) {
        try {
            return Hashing.hex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
