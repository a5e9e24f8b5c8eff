package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

class BatchJournalTest {

    @TempDir
    Path dir;

    @Test
    void keepsOnlyTheLatestLineOfEachFileARerunCouldSkipAndStaysThatSmallOverManyRuns() throws IOException {
        Path journalDir = dir.resolve("journal");
        Path kept = write("kept.bin", 10, 1_000);
        Path changed = write("changed.bin", 20, 2_000);
        Path deleted = write("deleted.bin", 30, 3_000);
        BatchJournal journal = new BatchJournal(journalDir);
        for (int run = 0; run < 50; run++) {
            append(journal, entry("a", kept, "etag-" + run));
            append(journal, entry("b", changed, "etag-" + run));
            append(journal, entry("c", deleted, "etag-" + run));
            assertThat(journal.load().block(Duration.ofSeconds(5))).hasSize(3);
        }
        Path file = journalDir.resolve("batch-journal.jsonl");
        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journalDir)))
                .as("the journal names every uploaded file: its directory is the owner's alone").isEqualTo("rwx------");

        Files.writeString(file, "{\"bucket\":\"b\",\"key\":\"torn", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(2_001));
        Files.delete(deleted);
        Map<String, BatchJournal.Entry> loaded = journal.load().block(Duration.ofSeconds(5));

        assertThat(loaded).containsOnlyKeys("bucket/a");
        assertThat(loaded.get("bucket/a").etag()).isEqualTo("etag-49");
        assertThat(Files.readAllLines(file)).hasSize(1).first().asString().contains("etag-49");
        try (var files = Files.list(journalDir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void loadsNothingWhenThereIsNoJournal() {
        assertThat(new BatchJournal(dir).load().block(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void losesNoLineAppendedWhileItCompacts() throws IOException {
        Path file = write("f.bin", 10, 1_000);
        BatchJournal journal = new BatchJournal(dir);
        for (int i = 0; i < 20; i++) {
            append(journal, entry("old", file, "x"));
        }
        BatchJournal.Entry template = entry("k", file, "e");
        Flux.merge(Flux.range(0, 200).flatMap(i -> journal.append(new BatchJournal.Entry("bucket", "k" + i, template.file(),
                                template.size(), template.lastModifiedMillis(), "e", 7L, Optional.empty(), "req"))),
                        Flux.range(0, 20).flatMap(i -> journal.load()))
                .blockLast(Duration.ofSeconds(30));
        Map<String, BatchJournal.Entry> loaded = journal.load().block(Duration.ofSeconds(5));
        assertThat(loaded).hasSize(201);
    }

    private Path write(String name, int size, long modified) throws IOException {
        Path file = Files.write(dir.resolve(name), new byte[size]);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
        return file;
    }

    private static BatchJournal.Entry entry(String key, Path file, String etag) throws IOException {
        return new BatchJournal.Entry("bucket", key, file.toAbsolutePath().toString(), Files.size(file),
                Files.getLastModifiedTime(file).toMillis(), etag, 7L, Optional.empty(), "req");
    }

    private static void append(BatchJournal journal, BatchJournal.Entry entry) {
        journal.append(entry).block(Duration.ofSeconds(5));
    }
}
