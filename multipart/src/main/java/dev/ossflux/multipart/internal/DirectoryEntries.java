package dev.ossflux.multipart.internal;

import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.multipart.BatchItem;
import dev.ossflux.multipart.BatchResult;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The files of one directory walk as batch entries: a {@link BatchItem} per regular file, keyed
 * {@code prefix} + its path relative to the directory ({@code /}-separated, Unicode NFC), or a
 * {@link BatchResult.Rejected} when that key is invalid or already taken by another file of the walk.
 * Symbolic links are followed only when asked; otherwise they, like other special files, are left out.
 */
final class DirectoryEntries {

    private final Path directory;
    private final String bucket;
    private final String prefix;
    private final BiFunction<Path, String, PutObjectRequest> requestFor;
    private final Map<String, Path> taken = new HashMap<>();

    DirectoryEntries(Path directory, String bucket, String prefix,
            BiFunction<Path, String, PutObjectRequest> requestFor) {
        this.directory = directory;
        this.bucket = bucket;
        this.prefix = prefix;
        this.requestFor = requestFor;
    }

    /** The files under {@code directory}, lazily; blocks on the file system. */
    static Stream<Path> files(Path directory, boolean followLinks) throws IOException {
        return followLinks
                ? Files.walk(directory, FileVisitOption.FOLLOW_LINKS).filter(path -> !Files.isDirectory(path))
                : Files.walk(directory).filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** A {@link BatchItem} for {@code file}, or the {@link BatchResult.Rejected} that says why there is none. */
    Object entry(Path file) {
        String key = Normalizer.normalize(prefix + relativeKey(file), Normalizer.Form.NFC);
        Path other = taken.putIfAbsent(key, file);
        if (other != null) {
            return new BatchResult.Rejected(file, bucket, key, new IllegalArgumentException("key: '" + key
                    + "' is also the key of " + other + " (the file names are equal in Unicode NFC)"));
        }
        try {
            return BatchItem.file(requestFor.apply(file, key), file);
        } catch (IllegalArgumentException e) {
            return new BatchResult.Rejected(file, bucket, key, e);
        }
    }

    private String relativeKey(Path file) {
        StringBuilder key = new StringBuilder();
        for (Path name : directory.relativize(file)) {
            key.append(key.length() == 0 ? "" : "/").append(name);
        }
        return key.toString();
    }
}
