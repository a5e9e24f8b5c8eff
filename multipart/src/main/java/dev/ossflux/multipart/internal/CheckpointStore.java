package dev.ossflux.multipart.internal;

import dev.ossflux.core.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checkpoint files in one directory, one per (file, bucket, key), written atomically: the JSON
 * goes to a temporary file that is then renamed over the old one, so a crash leaves either the
 * old or the new checkpoint, never a torn one. All I/O runs on {@link Schedulers#boundedElastic()}.
 */
final class CheckpointStore {

    private final Path directory;

    CheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** Where the checkpoint of uploading {@code file} to {@code bucket}/{@code key} lives. */
    Path pathFor(Path file, String bucket, String key) {
        MessageDigest sha = sha256();
        sha.update(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(("oss://" + bucket + "/" + key).getBytes(StandardCharsets.UTF_8));
        return directory.resolve(HexFormat.of().formatHex(sha.digest()).substring(0, 40) + ".ucp.json");
    }

    Mono<Optional<Checkpoint>> load(Path location) {
        return Mono.fromCallable(() -> {
            try {
                return Optional.of(Json.read(Files.readAllBytes(location), Checkpoint.class));
            } catch (NoSuchFileException missing) {
                return Optional.<Checkpoint>empty();
            } catch (IllegalArgumentException corrupt) {
                throw new IllegalStateException("checkpoint " + location + " is not readable; delete it to start over",
                        corrupt);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> save(Path location, Checkpoint checkpoint) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                PrivateDirectories.create(directory);
                Path temporary = Files.createTempFile(directory, location.getFileName().toString(), ".tmp");
                try {
                    Files.write(temporary, Json.write(checkpoint));
                    move(temporary, location);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not write checkpoint " + location, e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> delete(Path location) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                Files.deleteIfExists(location);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete checkpoint " + location, e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Renames {@code from} over {@code to}, atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
