package dev.ossflux.multipart.internal;

import static dev.ossflux.multipart.internal.ProbeClient.stored;

import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** How an upload of a file in parts ends when it is cancelled or fails, against a {@link ProbeClient}. */
class FileUploadTest {

    private static final int PART = 100 * 1024;
    private static final PutObjectRequest REQUEST = PutObjectRequest.of("bucket", "key");
    private static final MultipartOptions OPTIONS = MultipartOptions.builder().partSize(PART).concurrency(2)
            .multipartThreshold(1).build();

    @TempDir
    Path dir;

    @Test
    void abortsTheUploadWhenCancelledWhileAPartIsInFlight() throws IOException {
        ProbeClient client = new ProbeClient(number -> Mono.never());

        StepVerifier.create(MultipartUploader.create(client, OPTIONS).uploadFile(REQUEST, file(3 * PART)))
                .expectSubscription()
                .then(() -> client.awaitPart(1))
                .thenCancel()
                .verify(Duration.ofSeconds(5));

        client.assertPartCancelled(1);
        client.abort.assertWasSubscribed();
        client.complete.assertWasNotSubscribed();
    }

    @Test
    void abortsTheUploadWhenAPartFailsAndStopsTheOthers() throws IOException {
        ProbeClient client = new ProbeClient(number -> number == 2 ? Mono.error(new IOException("disk on fire"))
                : Mono.never());

        StepVerifier.create(MultipartUploader.create(client, OPTIONS).uploadFile(REQUEST, file(3 * PART)))
                .expectErrorMessage("disk on fire")
                .verify(Duration.ofSeconds(5));

        client.assertPartCancelled(1);
        client.abort.assertWasSubscribed();
        client.complete.assertWasNotSubscribed();
    }

    @Test
    void completesWithoutAbortingWhenEveryPartIsStored() throws IOException {
        ProbeClient client = new ProbeClient(ProbeClient::stored);

        StepVerifier.create(MultipartUploader.create(client, OPTIONS).uploadFile(REQUEST, file(3 * PART)))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        client.complete.assertWasSubscribed();
        client.abort.assertWasNotSubscribed();
    }

    @Test
    void keepsAResumableUploadOpenWhenCancelled() throws IOException {
        ProbeClient client = new ProbeClient(number -> number == 1 ? stored(1) : Mono.never());
        MultipartOptions resumable = OPTIONS.toBuilder().checkpointDir(dir.resolve("checkpoints")).build();
        Sinks.Empty<Void> recorded = Sinks.empty();
        PutObjectRequest request = REQUEST.toBuilder().progressListener(progress -> {
            if (progress.completedParts() == 1) {
                recorded.tryEmitEmpty();
            }
        }).build();

        StepVerifier.create(MultipartUploader.create(client, resumable).uploadFile(request, file(3 * PART)))
                .expectSubscription()
                .then(() -> {
                    recorded.asMono().block(Duration.ofSeconds(5));
                    client.awaitPart(2);
                })
                .thenCancel()
                .verify(Duration.ofSeconds(5));

        client.assertPartCancelled(2);
        client.abort.assertWasNotSubscribed();
    }

    private Path file(int size) throws IOException {
        return Files.write(dir.resolve("data.bin"), new byte[size]);
    }
}
