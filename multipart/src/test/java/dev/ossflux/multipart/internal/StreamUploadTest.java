package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.PublisherProbe;

/**
 * How an upload of a stream ends when it is cancelled, its source fails or a part fails, against a
 * {@link ProbeClient}: the multipart upload is aborted, the source is no longer read, and every byte
 * of transfer budget the parts held is given back.
 */
class StreamUploadTest {

    private static final int PART = 100 * 1024;
    private static final PutObjectRequest REQUEST = PutObjectRequest.of("bucket", "key");
    private static final MultipartOptions OPTIONS = MultipartOptions.builder().partSize(PART).concurrency(2).build();

    private final PublisherProbe<ByteBuffer> endless = PublisherProbe.of(
            Flux.generate(sink -> sink.next(ByteBuffer.allocate(PART))));

    @Test
    void abortsTheUploadWhenCancelledAndStopsReadingTheSource() {
        ProbeClient client = new ProbeClient(number -> Mono.never());

        StepVerifier.create(MultipartUploader.create(client, OPTIONS).upload(REQUEST, endless.flux()))
                .expectSubscription()
                .then(() -> client.awaitPart(2))
                .thenCancel()
                .verify(Duration.ofSeconds(5));

        client.assertPartCancelled(1);
        endless.assertWasCancelled();
        client.abort.assertWasSubscribed();
        client.complete.assertWasNotSubscribed();
        assertThat(client.transferBudget().bytesInUse()).as("budget bytes still held").isZero();
    }

    @Test
    void abortsTheUploadWhenTheSourceFails() {
        ProbeClient client = new ProbeClient(ProbeClient::stored);
        Flux<ByteBuffer> failing = Flux.concat(Flux.range(0, 3).map(i -> ByteBuffer.allocate(PART)),
                Flux.error(new IOException("disk on fire")));

        StepVerifier.create(MultipartUploader.create(client, OPTIONS).upload(REQUEST, failing))
                .expectErrorMessage("disk on fire")
                .verify(Duration.ofSeconds(5));

        client.abort.assertWasSubscribed();
        client.complete.assertWasNotSubscribed();
        assertThat(client.transferBudget().bytesInUse()).as("budget bytes still held").isZero();
    }

    @Test
    void abortsTheUploadWhenAPartFailsAndStopsReadingTheSource() {
        ProbeClient client = new ProbeClient(number -> number == 2 ? Mono.error(new IOException("reset"))
                : Mono.never());

        StepVerifier.create(MultipartUploader.create(client, OPTIONS).upload(REQUEST, endless.flux()))
                .expectErrorMessage("reset")
                .verify(Duration.ofSeconds(5));

        client.assertPartCancelled(1);
        endless.assertWasCancelled();
        client.abort.assertWasSubscribed();
        assertThat(client.transferBudget().bytesInUse()).as("budget bytes still held").isZero();
    }

    @Test
    void sendsAShortStreamAsOnePutObjectWithoutOpeningAMultipartUpload() {
        ProbeClient client = new ProbeClient(ProbeClient::stored);

        StepVerifier.create(MultipartUploader.create(client, OPTIONS).upload(REQUEST,
                        Flux.just(ByteBuffer.allocate(PART - 1))))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        client.put.assertWasSubscribed();
        client.initiate.assertWasNotSubscribed();
        assertThat(client.transferBudget().bytesInUse()).isZero();
    }
}
