package dev.ossflux.multipart;

import static dev.ossflux.multipart.MultipartUploadIT.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.Crc64;
import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.OssEmulatorExtension;
import dev.ossflux.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class ResumeIT {

    private static final String BUCKET = "examplebucket";
    private static final int PART = 100 * 1024;
    private static final int PARTS = 8;

    @RegisterExtension
    final OssEmulatorExtension oss = new OssEmulatorExtension(OssEmulator.builder().bucket(BUCKET));

    @TempDir
    Path dir;

    private OssClient client;
    private MultipartUploader uploader;
    private Path checkpoints;
    private byte[] data;
    private Path file;

    @BeforeEach
    void start() throws IOException {
        client = oss.clientBuilder().build();
        checkpoints = dir.resolve("checkpoints");
        uploader = MultipartUploader.create(client, MultipartOptions.builder().partSize(PART).concurrency(1)
                .multipartThreshold(1).checkpointDir(checkpoints).build());
        data = random(PARTS * PART - 99, 11);
        file = Files.write(dir.resolve("data.bin"), data);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void resumesAfterAnInterruptionSendingOnlyTheMissingParts() {
        List<Integer> firstRun = interruptAfterParts(3);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).as("a resumable upload is kept").hasSize(1);
        assertThat(checkpointFiles()).hasSize(1);
        String checkpoint = readString(checkpointFiles().get(0));
        assertThat(checkpoint).contains("\"uploadId\"").contains("\"crc64\"")
                .doesNotContain(oss.credentials().accessKeySecret());

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .assertNext(result -> assertThat(result.crc64()).isEqualTo(Crc64.of(data)))
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        List<Integer> secondRun = partsSentAfter(firstRun.size());
        assertThat(secondRun).doesNotContainAnyElementsOf(firstRun);
        assertThat(union(firstRun, secondRun)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(oss.emulator().object(BUCKET, "big.bin").orElseThrow().bytes()).isEqualTo(data);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
        assertThat(checkpointFiles()).as("the checkpoint is removed once the object is complete").isEmpty();
    }

    @Test
    void trustsAPartOssHoldsButTheCheckpointMissedOnlyWhenItsBytesMatch() throws IOException {
        List<Integer> firstRun = interruptAfterParts(3);
        Path checkpoint = checkpointFiles().get(0);
        String saved = Files.readString(checkpoint);
        String forgotten = saved.replaceAll("\"parts\":\\[[^\\]]*\\]", "\"parts\":[]");
        assertThat(forgotten).as("the checkpoint lists parts before they are forgotten").isNotEqualTo(saved);
        Files.writeString(checkpoint, forgotten);

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));

        assertThat(partsSentAfter(firstRun.size())).doesNotContainAnyElementsOf(firstRun);
        assertThat(oss.emulator().object(BUCKET, "big.bin").orElseThrow().bytes()).isEqualTo(data);
    }

    @Test
    void refusesAFileThatChangedSinceItsCheckpoint() throws IOException {
        interruptAfterParts(2);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("changed since its checkpoint"))
                .verify(Duration.ofSeconds(10));
        assertThat(checkpointFiles()).hasSize(1);
    }

    @Test
    void startsOverForAChangedFileWhenAskedAndAbortsTheOldUpload() throws IOException {
        interruptAfterParts(2);
        String oldUpload = oss.emulator().pendingMultipartUploads(BUCKET).get(0).uploadId();
        byte[] changed = random(3 * PART, 12);
        Files.write(file, changed);
        MultipartUploader restarting = uploader.withOptions(uploader.options().toBuilder().restartChangedFiles(true)
                .build());

        StepVerifier.create(restarting.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));

        assertThat(oss.emulator().object(BUCKET, "big.bin").orElseThrow().bytes()).isEqualTo(changed);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
        assertThat(requestsOf(Operation.ABORT_MULTIPART_UPLOAD)).singleElement()
                .satisfies(abort -> assertThat(abort.uploadId()).contains(oldUpload));
    }

    @Test
    void startsAFreshUploadWhenTheOldOneIsGone() {
        interruptAfterParts(2);
        String gone = oss.emulator().pendingMultipartUploads(BUCKET).get(0).uploadId();
        client.abortMultipartUpload(new dev.ossflux.core.MultipartUpload(BUCKET, "big.bin", gone))
                .block(Duration.ofSeconds(5));

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        assertThat(oss.emulator().object(BUCKET, "big.bin").orElseThrow().bytes()).isEqualTo(data);
    }

    /** Starts the upload, lets {@code parts} parts complete, then cancels; returns the parts OSS confirmed. */
    @Test
    void abortsAnUploadCancelledBeforeItsCheckpointWasWritten() {
        oss.emulator().inject(Operation.INITIATE_MULTIPART_UPLOAD, Fault.delayResponse(Duration.ofMillis(600)));

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "early"), file))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(200))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (requestsOf(Operation.ABORT_MULTIPART_UPLOAD).isEmpty() && System.nanoTime() < deadline) {
            awaitQuiet();
        }
        assertThat(requestsOf(Operation.ABORT_MULTIPART_UPLOAD)).hasSize(1);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
        assertThat(checkpointFiles()).isEmpty();
    }

    private List<Integer> interruptAfterParts(int parts) {
        oss.emulator().inject(Operation.UPLOAD_PART, Fault.delay(Duration.ofMillis(300)).times(100));
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        PutObjectRequest request = PutObjectRequest.builder(BUCKET, "big.bin").progressListener(progress -> {
            if (progress.completedParts() >= parts) {
                done.countDown();
            }
        }).build();
        Disposable upload = uploader.uploadFile(request, file).subscribe();
        try {
            assertThat(done.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        upload.dispose();
        oss.emulator().clearFaults();
        awaitQuiet();
        return requestsOf(Operation.UPLOAD_PART).stream().filter(part -> part.status() == 200)
                .map(part -> part.partNumber().orElseThrow()).toList();
    }

    /** Waits until the part that was in flight when the upload was cancelled has been logged. */
    private void awaitQuiet() {
        try {
            while (oss.emulator().takeRequest(Duration.ofMillis(600)) != null) {
                // drain the log until nothing arrives for a while
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Integer> partsSentAfter(int skip) {
        return requestsOf(Operation.UPLOAD_PART).stream().filter(part -> part.status() == 200).skip(skip)
                .map(part -> part.partNumber().orElseThrow()).toList();
    }

    private List<RecordedRequest> requestsOf(Operation operation) {
        return oss.emulator().requests().stream().filter(request -> request.operation() == operation).toList();
    }

    private List<Path> checkpointFiles() {
        if (!Files.isDirectory(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Integer> union(List<Integer> a, List<Integer> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
