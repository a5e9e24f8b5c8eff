package dev.ossflux.multipart;

import static dev.ossflux.multipart.UploadFixture.BUCKET;
import static dev.ossflux.multipart.UploadFixture.PART;
import static dev.ossflux.multipart.UploadFixture.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.Crc64;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.ProgressListener;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Resuming an interrupted upload of a file. The interruption is a crash at a chosen part: the first run
 * goes through a client that never sends part {@code n + 1}, and is cancelled once parts 1 to n are
 * stored and in its checkpoint.
 */
class ResumeIT {

    private static final int PARTS = 8;

    @RegisterExtension
    final UploadFixture oss = new UploadFixture(MultipartOptions.builder().partSize(PART).concurrency(1)
            .multipartThreshold(1).build());

    @TempDir
    Path dir;

    private Path checkpoints;
    private MultipartUploader uploader;
    private byte[] data;
    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        checkpoints = dir.resolve("checkpoints");
        uploader = oss.uploader().withOptions(oss.uploader().options().toBuilder().checkpointDir(checkpoints)
                .build());
        data = random(PARTS * PART - 99, 11);
        file = Files.write(dir.resolve("data.bin"), data);
    }

    @Test
    void resumesAfterAnInterruptionSendingOnlyTheMissingParts() {
        List<Integer> firstRun = interruptAfterParts(3);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).as("a resumable upload is kept").hasSize(1);
        assertThat(checkpointFiles()).hasSize(1);
        assertThat(readString(checkpointFiles().get(0))).contains("\"uploadId\"").contains("\"crc64\"")
                .doesNotContain(oss.emulator().credentials().accessKeySecret());

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .assertNext(result -> assertThat(result.crc64()).isEqualTo(Crc64.of(data)))
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        oss.awaitRequests(Operation.UPLOAD_PART, PARTS);
        List<Integer> secondRun = partsSentAfter(firstRun.size());
        assertThat(firstRun).as("the emulator may log a part after the next one").containsExactlyInAnyOrder(1, 2, 3);
        assertThat(secondRun).as("parts go concurrently, in any order").containsExactlyInAnyOrder(4, 5, 6, 7, 8);
        assertThat(oss.emulator().object(BUCKET, "big.bin").orElseThrow().bytes()).isEqualTo(data);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
        assertThat(checkpointFiles()).as("the checkpoint is removed once the object is complete").isEmpty();
    }

    @Test
    void trustsAPartOssHoldsButTheCheckpointMissedOnlyWhenItsBytesMatch() throws IOException {
        List<Integer> firstRun = interruptAfterParts(3);
        editCheckpoint(saved -> saved.replaceAll("\"parts\":\\[[^\\]]*\\]", "\"parts\":[]"));
        MultipartUpload open = new MultipartUpload(BUCKET, "big.bin",
                oss.emulator().pendingMultipartUploads(BUCKET).get(0).uploadId());
        StepVerifier.create(oss.client().uploadPart(open, 2, UploadBody.fromBytes(random(PART, 99))))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(10));
        oss.awaitRequests(Operation.UPLOAD_PART, firstRun.size() + 1);

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));

        oss.awaitRequests(Operation.UPLOAD_PART, firstRun.size() + 1 + 6);
        assertThat(partsSentAfter(firstRun.size() + 1)).as("parts 1 and 3 match the file; OSS's part 2 does not")
                .containsExactly(2, 4, 5, 6, 7, 8);
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
    void refusesACheckpointThatRecordsAnotherObjectAndTouchesNothing() throws IOException {
        List<Integer> firstRun = interruptAfterParts(2);
        String elsewhere = editCheckpoint(saved -> saved.replace("\"key\":\"big.bin\"", "\"key\":\"other.bin\""));

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("records an upload of").hasMessageContaining("oss://" + BUCKET
                                + "/other.bin").hasMessageContaining("delete it to start over"))
                .verify(Duration.ofSeconds(10));

        assertThat(partsSentAfter(firstRun.size())).as("no part sent for a checkpoint of another object").isEmpty();
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).as("nothing aborted").hasSize(1);
        assertThat(readString(checkpointFiles().get(0))).as("the checkpoint is left for the user")
                .isEqualTo(elsewhere);
    }

    @Test
    void keepsCheckpointsInADirectoryOnlyTheOwnerCanOpen() throws IOException {
        Path nested = dir.resolve("state/checkpoints");
        uploader = uploader.withOptions(uploader.options().toBuilder().checkpointDir(nested).build());
        checkpoints = nested;

        interruptAfterParts(1);

        assertThat(checkpointFiles()).hasSize(1);
        for (Path created : List.of(nested, nested.getParent())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).as("%s", created)
                    .isEqualTo("rwx------");
        }
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
        assertThat(oss.awaitRequests(Operation.ABORT_MULTIPART_UPLOAD, 1)).singleElement()
                .satisfies(abort -> assertThat(abort.uploadId()).contains(oldUpload));
    }

    @Test
    void startsAFreshUploadWhenTheOldOneIsGone() {
        interruptAfterParts(2);
        String gone = oss.emulator().pendingMultipartUploads(BUCKET).get(0).uploadId();
        StepVerifier.create(oss.client().abortMultipartUpload(new MultipartUpload(BUCKET, "big.bin", gone)))
                .expectComplete().verify(Duration.ofSeconds(5));

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        assertThat(oss.emulator().object(BUCKET, "big.bin").orElseThrow().bytes()).isEqualTo(data);
    }

    @Test
    void abortsAnUploadCancelledBeforeItsCheckpointWasWrittenAndARerunStartsClean() {
        oss.emulator().inject(Operation.INITIATE_MULTIPART_UPLOAD, Fault.delayResponse(Duration.ofMillis(600)));
        Sinks.Empty<Void> initiating = Sinks.empty();
        OssClient watched = new ForwardingClient(oss.client()) {
            @Override
            public Mono<MultipartUpload> initiateMultipartUpload(PutObjectRequest request) {
                return super.initiateMultipartUpload(request).doOnSubscribe(started -> initiating.tryEmitEmpty());
            }
        };

        StepVerifier.create(MultipartUploader.create(watched, uploader.options())
                        .uploadFile(PutObjectRequest.of(BUCKET, "early"), file))
                .expectSubscription()
                .then(() -> initiating.asMono().block(Duration.ofSeconds(5)))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        oss.awaitRequests(Operation.ABORT_MULTIPART_UPLOAD, 1);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
        assertThat(checkpointFiles()).as("only the record that an upload was being initiated").singleElement()
                .satisfies(left -> assertThat(readString(left)).contains("\"uploadId\":\"\"")
                        .doesNotContain("\"partNumber\""));

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "early"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));
        assertThat(oss.emulator().object(BUCKET, "early").orElseThrow().bytes()).isEqualTo(data);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
        awaitNoCheckpoint();
    }

    @Test
    void abortsTheEmptyUploadARunKilledWhileInitiatingLeftAndSparesOthersWithParts() {
        MultipartUpload others = oss.client().initiateMultipartUpload(PutObjectRequest.of(BUCKET, "big.bin"))
                .block(Duration.ofSeconds(5));
        oss.client().uploadPart(others, 1, UploadBody.fromBytes(random(PART, 5))).block(Duration.ofSeconds(5));
        killWhileInitiating(2);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).as("the killed run's upload is open").hasSize(2);

        StepVerifier.create(uploader.uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));

        assertThat(oss.emulator().object(BUCKET, "big.bin").orElseThrow().bytes()).isEqualTo(data);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).as("only the upload holding another's part")
                .singleElement().satisfies(left -> assertThat(left.uploadId()).isEqualTo(others.uploadId()));
        assertThat(checkpointFiles()).isEmpty();
    }

    @Test
    void completesWhenItMayNotListWhatAnInterruptedRunLeft() {
        killWhileInitiating(1);
        OssClient unlisting = new ForwardingClient(oss.client()) {
            @Override
            public Flux<MultipartUpload> listMultipartUploads(String bucket, String prefix) {
                return Flux.error(new IllegalStateException("AccessDenied: no oss:ListMultipartUploads"));
            }
        };

        StepVerifier.create(MultipartUploader.create(unlisting, uploader.options())
                        .uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));

        assertThat(oss.emulator().object(BUCKET, "big.bin").orElseThrow().bytes()).isEqualTo(data);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).as("the interrupted run's upload, unseen")
                .hasSize(1);
        assertThat(checkpointFiles()).isEmpty();
    }

    /**
     * Starts an upload of big.bin whose InitiateMultipartUpload OSS answers but whose run dies before
     * saving the answer, like a process killed at that moment; {@code initiates} counts every Initiate so far.
     */
    private void killWhileInitiating(int initiates) {
        OssClient dying = new ForwardingClient(oss.client()) {
            @Override
            public Mono<MultipartUpload> initiateMultipartUpload(PutObjectRequest request) {
                return super.initiateMultipartUpload(request).then(Mono.never());
            }
        };
        Disposable killed = MultipartUploader.create(dying, uploader.options())
                .uploadFile(PutObjectRequest.of(BUCKET, "big.bin"), file).subscribe();
        oss.awaitRequests(Operation.INITIATE_MULTIPART_UPLOAD, initiates);
        killed.dispose();
    }

    /** The checkpoint goes once the abort's answer is in, which may be after the emulator logged the abort. */
    private void awaitNoCheckpoint() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!checkpointFiles().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        assertThat(checkpointFiles()).isEmpty();
    }

    /**
     * Uploads through a client that never sends the parts after {@code parts}, and cancels once the
     * checkpoint records parts 1 to {@code parts}; returns the parts OSS stored.
     */
    private List<Integer> interruptAfterParts(int parts) {
        Sinks.Empty<Void> recorded = Sinks.empty();
        PutObjectRequest request = PutObjectRequest.builder(BUCKET, "big.bin").progressListener(progress -> {
            if (progress.completedParts() == parts) {
                recorded.tryEmitEmpty();
            }
        }).build();
        OssClient crashing = new ForwardingClient(oss.client()) {
            @Override
            public Mono<UploadedPart> uploadPart(MultipartUpload upload, int number, UploadBody body) {
                return number <= parts ? super.uploadPart(upload, number, body) : Mono.never();
            }

            @Override
            public Mono<UploadedPart> uploadPart(MultipartUpload upload, int number, UploadBody body,
                    ProgressListener progress) {
                return number <= parts ? super.uploadPart(upload, number, body, progress) : Mono.never();
            }
        };
        Disposable upload = MultipartUploader.create(crashing, uploader.options()).uploadFile(request, file)
                .subscribe();
        try {
            recorded.asMono().block(Duration.ofSeconds(20));
        } finally {
            upload.dispose();
        }
        oss.awaitRequests(Operation.UPLOAD_PART, parts);
        return partsSentAfter(0);
    }

    /** The numbers of the parts OSS stored, in order, after the first {@code skip}. */
    private List<Integer> partsSentAfter(int skip) {
        return oss.requests(Operation.UPLOAD_PART).stream().filter(part -> part.status() == 200).skip(skip)
                .map(part -> part.partNumber().orElseThrow()).toList();
    }

    /** Rewrites the one checkpoint with {@code edit}, which must change it, and answers what it wrote. */
    private String editCheckpoint(UnaryOperator<String> edit) throws IOException {
        Path checkpoint = checkpointFiles().get(0);
        String saved = Files.readString(checkpoint);
        String edited = edit.apply(saved);
        assertThat(edited).as("the edit applies to the checkpoint").isNotEqualTo(saved);
        Files.writeString(checkpoint, edited);
        return edited;
    }

    private List<Path> checkpointFiles() {
        if (!Files.isDirectory(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
