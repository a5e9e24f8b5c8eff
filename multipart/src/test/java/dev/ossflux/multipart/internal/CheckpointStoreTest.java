package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.UploadedPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    @Test
    void writesReadsAndDeletesACheckpoint() throws IOException {
        CheckpointStore store = new CheckpointStore(dir.resolve("nested"));
        Path location = store.pathFor(Path.of("data.bin"), "examplebucket", "big/file.bin");
        Checkpoint checkpoint = new Checkpoint(1, "examplebucket", "big/file.bin", "UPLOAD", "/tmp/data.bin", 10, 5,
                409600, List.of(new UploadedPart(1, "722BCC3A50314AD63FFF4B096FF3A323", 409600,
                        Long.parseUnsignedLong("9007467469431161291"))));

        StepVerifier.create(store.save(location, checkpoint).then(store.load(location)))
                .assertNext(loaded -> assertThat(loaded).contains(checkpoint))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        try (var files = Files.list(location.getParent())) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).containsExactly(
                    location.getFileName().toString());
        }
        StepVerifier.create(store.delete(location).then(store.load(location)))
                .assertNext(loaded -> assertThat(loaded).isEmpty())
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void namesCheckpointsByFileAndTarget() {
        CheckpointStore store = new CheckpointStore(dir);
        Path a = store.pathFor(Path.of("a.bin"), "bucket", "k");
        assertThat(store.pathFor(Path.of("a.bin"), "bucket", "k")).isEqualTo(a);
        assertThat(store.pathFor(Path.of("a.bin"), "bucket", "other")).isNotEqualTo(a);
        assertThat(store.pathFor(Path.of("b.bin"), "bucket", "k")).isNotEqualTo(a);
    }

    @Test
    void reportsACorruptCheckpointClearly() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        Path location = store.pathFor(Path.of("a.bin"), "bucket", "k");
        Files.writeString(location, "{not json");
        StepVerifier.create(store.load(location))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("delete it to start over"))
                .verify(Duration.ofSeconds(5));
    }
}
