package dev.ossflux.multipart.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Directories for checkpoints and journals, readable by their owner only where the file system can say so. */
final class PrivateDirectories {

    private PrivateDirectories() {
    }

    /** Creates {@code directory} and missing parents as {@code rwx------} (an existing one is left as it is). */
    static void create(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }
}
