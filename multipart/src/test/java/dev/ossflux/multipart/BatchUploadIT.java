package dev.ossflux.multipart;

import static dev.ossflux.multipart.UploadFixture.BUCKET;
import static dev.ossflux.multipart.UploadFixture.PART;
import static dev.ossflux.multipart.UploadFixture.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.Progress;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.Crc64;
import dev.ossflux.testkit.Operation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

class BatchUploadIT {

    @RegisterExtension
    final UploadFixture oss = new UploadFixture(MultipartOptions.builder().partSize(PART)
            .multipartThreshold(150 * 1024).build());

    @TempDir
    Path dir;

    @Test
    void uploadsATwoThousandFileTreeReportingEachFailureAndStoringTheRest() throws IOException {
        Path tree = dir.resolve("tree");
        Map<String, byte[]> files = writeTree(tree, 2000);
        List<String> broken = List.of("a/dangling-1", "b/c/dangling-2", "dangling-3");
        for (String name : broken) {
            Path link = tree.resolve(name);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, tree.resolve("nowhere/" + name));
        }
        AtomicReference<Progress> last = new AtomicReference<>();
        BatchUploader batch = BatchUploader.create(oss.uploader(), BatchOptions.builder().concurrency(64)
                .progressListener(last::set).followSymbolicLinks(true).build());

        List<BatchResult> results = batch.uploadDirectory(tree, BUCKET, "backup/").collectList()
                .block(Duration.ofMinutes(2));

        assertThat(results).hasSize(2003);
        assertThat(results.stream().filter(BatchResult.Failed.class::isInstance).map(result -> result.key()))
                .containsExactlyInAnyOrder("backup/a/dangling-1", "backup/b/c/dangling-2", "backup/dangling-3");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(oss.emulator().object(BUCKET, "backup/" + file.getKey()).orElseThrow().crc64())
                    .as(file.getKey()).isEqualTo(Crc64.of(file.getValue()));
        }
        assertThat(results.stream().filter(BatchResult.Stored.class::isInstance)
                .mapToLong(r -> ((BatchResult.Stored) r).result().size()).sum())
                .isEqualTo(files.values().stream().mapToLong(bytes -> bytes.length).sum());
        assertThat(last.get().completedParts()).as("items stored").isEqualTo(2000);
        assertThat(last.get().transferredBytes()).isEqualTo(files.values().stream().mapToLong(b -> b.length).sum());
    }

    @Test
    void leavesSymbolicLinksOutUnlessAskedToFollowThem() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(tree.resolve("notes.txt"), "mine");
        Files.createSymbolicLink(tree.resolve("id_rsa"), Files.writeString(outside.resolve("id_rsa"), "secret"));
        Files.writeString(Files.createDirectories(outside.resolve("keys")).resolve("key.pem"), "secret too");
        Files.createSymbolicLink(tree.resolve("keys"), outside.resolve("keys"));

        List<String> byDefault = BatchUploader.create(oss.uploader(), BatchOptions.defaults())
                .uploadDirectory(tree, BUCKET, "plain/").map(BatchResult::key).collectList()
                .block(Duration.ofMinutes(1));
        List<String> following = BatchUploader.create(oss.uploader(), BatchOptions.builder().followSymbolicLinks(true)
                        .build())
                .uploadDirectory(tree, BUCKET, "followed/").map(BatchResult::key).collectList()
                .block(Duration.ofMinutes(1));

        assertThat(byDefault).containsExactly("plain/notes.txt");
        assertThat(oss.emulator().object(BUCKET, "plain/id_rsa")).isEmpty();
        assertThat(following).containsExactlyInAnyOrder("followed/notes.txt", "followed/id_rsa",
                "followed/keys/key.pem");
    }

    @Test
    void rejectsOnlyTheFilesWhoseKeysCannotBeUsedAndNormalizesKeysToNfc() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("ok.txt"), "fine");
        Files.writeString(tree.resolve("caf\u00e9.txt"), "composed");
        Files.writeString(tree.resolve("cafe\u0301.txt"), "decomposed");
        Files.writeString(tree.resolve("n" + "x".repeat(200) + ".txt"), "long name");

        List<BatchResult> results = BatchUploader.create(oss.uploader(), BatchOptions.defaults())
                .uploadDirectory(tree, BUCKET, "y".repeat(850) + "/").collectList().block(Duration.ofMinutes(1));

        String prefix = "y".repeat(850) + "/";
        assertThat(results).hasSize(4);
        assertThat(results).filteredOn(BatchResult.Stored.class::isInstance).extracting(BatchResult::key)
                .containsExactlyInAnyOrder(prefix + "ok.txt", prefix + "caf\u00e9.txt");
        assertThat(results).filteredOn(BatchResult.Rejected.class::isInstance)
                .map(BatchResult.Rejected.class::cast)
                .satisfiesExactlyInAnyOrder(
                        tooLong -> assertThat(tooLong.reason()).hasMessageContaining("1023"),
                        twin -> {
                            assertThat(twin.key()).isEqualTo(prefix + "caf\u00e9.txt");
                            assertThat(twin.reason()).hasMessageContaining("is also the key of");
                        });
        assertThat(oss.emulator().object(BUCKET, prefix + "caf\u00e9.txt")).isPresent();
    }

    @Test
    void reportsBytesAndItemsThatOnlyGrowEvenWhenPartsAreSentAgain() throws IOException {
        Path tree = dir.resolve("tree");
        oss.emulator().inject(Operation.UPLOAD_PART, dev.ossflux.testkit.Fault.resetAfterBytes(60_000).times(4));
        List<String> backwards = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicReference<Progress> last = new AtomicReference<>(new Progress(0, java.util.OptionalLong.empty(), 0,
                java.util.OptionalInt.empty()));
        BatchUploader batch = BatchUploader.create(oss.uploader(), BatchOptions.builder().concurrency(32)
                .progressListener(progress -> {
                    Progress before = last.getAndSet(progress);
                    if (progress.transferredBytes() < before.transferredBytes()
                            || progress.completedParts() < before.completedParts()) {
                        backwards.add(before + " then " + progress);
                    }
                }).build());
        Flux<BatchItem> streams = Flux.range(0, 4).map(i -> BatchItem.stream(PutObjectRequest.of(BUCKET, "s/" + i),
                Flux.range(0, 40).map(chunk -> ByteBuffer.wrap(random(8 * 1024, chunk)))));
        Flux<BatchItem> files = Flux.fromIterable(writeTree(tree, 300).keySet())
                .map(name -> BatchItem.file(PutObjectRequest.of(BUCKET, "grow/" + name), tree.resolve(name)));

        List<BatchResult> results = batch.upload(streams.concatWith(files)).collectList()
                .block(Duration.ofMinutes(2));

        assertThat(results).hasSize(304).allMatch(BatchResult.Stored.class::isInstance);
        assertThat(backwards).as("updates that went backwards").isEmpty();
        assertThat(last.get().completedParts()).isEqualTo(304);
    }

    @Test
    void resumesABatchSkippingTheFilesAnInterruptedRunFinished() throws IOException {
        Path tree = dir.resolve("tree");
        Map<String, byte[]> files = writeTree(tree, 300);
        BatchOptions resumable = BatchOptions.builder().concurrency(8).checkpointDir(dir.resolve("cp")).build();

        List<BatchResult> firstRun = BatchUploader.create(oss.uploader(), resumable)
                .uploadDirectory(tree, BUCKET, "p/").take(120).collectList().block(Duration.ofMinutes(1));
        assertThat(firstRun).hasSize(120).allMatch(BatchResult.Stored.class::isInstance);

        List<BatchResult> secondRun = BatchUploader.create(oss.uploader(), resumable)
                .uploadDirectory(tree, BUCKET, "p/").collectList().block(Duration.ofMinutes(1));

        assertThat(secondRun).hasSize(300).noneMatch(BatchResult.Failed.class::isInstance);
        assertThat(secondRun.stream().filter(BatchResult.Skipped.class::isInstance)
                .map(result -> result.key()))
                .containsAll(firstRun.stream().map(result -> result.key()).toList());
        List<String> stored = secondRun.stream().filter(BatchResult.Stored.class::isInstance)
                .map(result -> result.key()).toList();
        oss.awaitLogged(() -> stored.stream().allMatch(key -> creationsOf(key) > 0), () -> "creation of " + stored);
        for (BatchResult finished : firstRun) {
            assertThat(creationsOf(finished.key())).as("%s was created once, by the first run",
                    finished.key()).isEqualTo(1);
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(oss.emulator().object(BUCKET, "p/" + file.getKey()).orElseThrow().bytes())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void givesEachItemItsOwnCallbackVariables() throws IOException {
        Path tree = dir.resolve("tree");
        writeTree(tree, 20);
        try (CallbackRecorder receiver = new CallbackRecorder()) {
            BatchUploader batch = BatchUploader.create(oss.uploader(), BatchOptions.defaults());
            List<BatchResult> results = batch.uploadDirectory(tree, BUCKET, "cb/", (file, key) ->
                            PutObjectRequest.builder(BUCKET, key).callback(Callback.builder(receiver.url(),
                                    "object=${object}&name=${x:name}").variable("x:name", file.getFileName().toString())
                                    .build()).build())
                    .collectList().block(Duration.ofMinutes(1));

            assertThat(results).hasSize(20).allSatisfy(result -> assertThat(((BatchResult.Stored) result).result()
                    .callbackReply().orElseThrow().text()).isEqualTo("{\"received\":true}"));
            assertThat(receiver.bodies()).hasSize(20).allSatisfy(body -> {
                String object = body.substring("object=".length(), body.indexOf('&'));
                String name = body.substring(body.indexOf("&name=") + "&name=".length());
                assertThat(object).endsWith("%2F" + name);
            });
        }
    }

    @Test
    void uploadsStreamsAndFilesTogether() {
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] data = random(50_000 * (i + 1), i);
            items.add(BatchItem.stream(PutObjectRequest.of(BUCKET, "s/" + i), Flux.just(ByteBuffer.wrap(data))));
        }
        List<BatchResult> results = BatchUploader.create(oss.uploader(), BatchOptions.defaults())
                .upload(Flux.fromIterable(items)).collectList().block(Duration.ofMinutes(1));
        assertThat(results).hasSize(10).allMatch(BatchResult.Stored.class::isInstance);
        assertThat(oss.emulator().object(BUCKET, "s/9").orElseThrow().size()).isEqualTo(500_000);
    }

    private long creationsOf(String key) {
        return Stream.concat(oss.requests(Operation.PUT_OBJECT).stream(),
                        oss.requests(Operation.COMPLETE_MULTIPART_UPLOAD).stream())
                .filter(request -> request.key().orElse("").equals(key))
                .count();
    }

    /** Writes {@code count} files of 0 to 2 KiB (and a few of 200 to 400 KiB) in nested folders. */
    static Map<String, byte[]> writeTree(Path root, int count) throws IOException {
        Random random = new Random(count);
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = "d" + (i % 7) + "/e" + (i % 13) + "/file-" + i + ".bin";
            byte[] data = new byte[i % 97 == 0 ? 200_000 + random.nextInt(200_000) : random.nextInt(2048)];
            random.nextBytes(data);
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, data);
            files.put(name, data);
        }
        return files;
    }
}
