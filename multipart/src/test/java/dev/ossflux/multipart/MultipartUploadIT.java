package dev.ossflux.multipart;

import static dev.ossflux.multipart.UploadFixture.BUCKET;
import static dev.ossflux.multipart.UploadFixture.PART;
import static dev.ossflux.multipart.UploadFixture.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.Progress;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.Crc64;
import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.RecordedRequest;
import dev.ossflux.testkit.StoredObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class MultipartUploadIT {

    @RegisterExtension
    final UploadFixture oss = new UploadFixture(MultipartOptions.builder().partSize(PART).concurrency(3)
            .multipartThreshold(1).build());

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, PART - 1, PART, PART + 1, 3 * PART - 1, 3 * PART, 3 * PART + 1, 7 * PART + 12_345})
    void uploadsFilesOfExactAndOddSizesByteForByte(int size) throws IOException {
        byte[] data = random(size, size);
        Path file = Files.write(dir.resolve("data.bin"), data);

        StepVerifier.create(oss.uploader().uploadFile(PutObjectRequest.of(BUCKET, "sizes/" + size), file))
                .assertNext(result -> {
                    assertThat(result.size()).isEqualTo(size);
                    assertThat(result.crc64()).isEqualTo(Crc64.of(data));
                    assertThat(result.etag()).endsWith("-" + (size + PART - 1) / PART);
                })
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        StoredObject stored = oss.emulator().object(BUCKET, "sizes/" + size).orElseThrow();
        assertThat(stored.bytes()).isEqualTo(data);
        assertThat(stored.objectType()).isEqualTo("Multipart");
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
    }

    @Test
    void sendsSmallAndEmptyFilesAsOnePutObject() throws IOException {
        MultipartUploader defaults = MultipartUploader.create(oss.client());
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        Path small = Files.write(dir.resolve("small"), random(10_000, 3));

        StepVerifier.create(defaults.uploadFile(PutObjectRequest.of(BUCKET, "empty"), empty)
                        .then(defaults.uploadFile(PutObjectRequest.of(BUCKET, "small"), small)))
                .assertNext(result -> assertThat(result.size()).isEqualTo(10_000))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(oss.emulator().object(BUCKET, "empty").orElseThrow().size()).isZero();
        oss.awaitRequests(Operation.PUT_OBJECT, 2);
        assertThat(oss.operations()).containsOnly(Operation.PUT_OBJECT);
    }

    @Test
    void keepsConcurrencyRealAndBounded() throws IOException {
        oss.emulator().inject(Operation.UPLOAD_PART, Fault.delay(Duration.ofMillis(150)).times(100));
        Path file = Files.write(dir.resolve("data.bin"), random(9 * PART, 1));

        StepVerifier.create(oss.uploader().uploadFile(PutObjectRequest.of(BUCKET, "concurrent"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));

        oss.awaitRequests(Operation.COMPLETE_MULTIPART_UPLOAD, 1);
        List<RecordedRequest> parts = oss.awaitRequests(Operation.UPLOAD_PART, 9);
        assertThat(parts).hasSize(9);
        assertThat(mostAtOnce(parts)).as("parts in flight at once").isEqualTo(3);
    }

    @Test
    void resendsOnlyThePartThatFailed() throws IOException {
        oss.emulator().inject(Operation.UPLOAD_PART, Fault.status(503, "ServiceUnavailable"));
        byte[] data = random(4 * PART, 2);
        Path file = Files.write(dir.resolve("data.bin"), data);

        StepVerifier.create(oss.uploader().uploadFile(PutObjectRequest.of(BUCKET, "retry"), file))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(30));

        oss.awaitRequests(Operation.COMPLETE_MULTIPART_UPLOAD, 1);
        // The emulator logs a request once it has answered it, so the resent part may be logged after Complete.
        List<RecordedRequest> parts = oss.awaitRequests(Operation.UPLOAD_PART, 5);
        assertThat(parts).hasSize(5);
        assertThat(parts.stream().filter(part -> part.status() == 503)).hasSize(1);
        assertThat(oss.operations()).containsOnlyOnce(Operation.INITIATE_MULTIPART_UPLOAD,
                Operation.COMPLETE_MULTIPART_UPLOAD);
        assertThat(oss.emulator().object(BUCKET, "retry").orElseThrow().bytes()).isEqualTo(data);
    }

    @Test
    void abortsTheUploadWhenCancelled() throws IOException {
        oss.emulator().inject(Operation.UPLOAD_PART, Fault.delay(Duration.ofSeconds(5)).times(100));
        Path file = Files.write(dir.resolve("data.bin"), random(6 * PART, 4));
        Sinks.Empty<Void> partsSent = Sinks.empty();
        PutObjectRequest request = PutObjectRequest.builder(BUCKET, "cancelled").progressListener(progress -> {
            if (progress.transferredBytes() >= 3L * PART) {
                partsSent.tryEmitEmpty();
            }
        }).build();

        StepVerifier.create(oss.uploader().uploadFile(request, file))
                .expectSubscription()
                .then(() -> partsSent.asMono().block(Duration.ofSeconds(10)))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        oss.awaitRequests(Operation.ABORT_MULTIPART_UPLOAD, 1);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
        assertThat(oss.emulator().object(BUCKET, "cancelled")).isEmpty();
    }

    @Test
    void abortsTheUploadOfAStreamCancelledWhileItsInitiationWasInFlight() {
        oss.emulator().inject(Operation.INITIATE_MULTIPART_UPLOAD, Fault.delayResponse(Duration.ofMillis(600)));
        Flux<ByteBuffer> parts = Flux.range(0, 3).map(i -> ByteBuffer.wrap(random(PART, i)));

        StepVerifier.create(oss.uploader().upload(PutObjectRequest.of(BUCKET, "cancelled-stream"), parts))
                .expectSubscription()
                .then(() -> oss.awaitRequests(Operation.INITIATE_MULTIPART_UPLOAD, 1))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        oss.awaitRequests(Operation.ABORT_MULTIPART_UPLOAD, 1);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
    }

    @Test
    void abortsTheUploadOfAFileCancelledWhileItsInitiationWasInFlight() throws IOException {
        oss.emulator().inject(Operation.INITIATE_MULTIPART_UPLOAD, Fault.delayResponse(Duration.ofMillis(600)));
        Path file = Files.write(dir.resolve("data.bin"), random(3 * PART, 5));

        StepVerifier.create(oss.uploader().uploadFile(PutObjectRequest.of(BUCKET, "cancelled-file"), file))
                .expectSubscription()
                .then(() -> oss.awaitRequests(Operation.INITIATE_MULTIPART_UPLOAD, 1))
                .thenCancel()
                .verify(Duration.ofSeconds(10));

        oss.awaitRequests(Operation.ABORT_MULTIPART_UPLOAD, 1);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
    }

    @Test
    void abortsTheUploadWhenTheSourceFails() {
        Flux<ByteBuffer> failing = Flux.concat(Flux.range(0, 5).map(i -> ByteBuffer.wrap(random(PART, i))),
                Flux.error(new IOException("disk on fire")));

        StepVerifier.create(oss.uploader().upload(PutObjectRequest.of(BUCKET, "broken"), failing))
                .expectErrorMessage("disk on fire")
                .verify(Duration.ofSeconds(30));

        oss.awaitRequests(Operation.ABORT_MULTIPART_UPLOAD, 1);
        assertThat(oss.operations()).doesNotContain(Operation.COMPLETE_MULTIPART_UPLOAD);
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
    }

    @Test
    void uploadsAStreamOfUnknownLength() {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            chunks.add(random(31_000 + i, i));
        }
        ByteBuffer all = ByteBuffer.allocate(chunks.stream().mapToInt(c -> c.length).sum());
        chunks.forEach(all::put);

        StepVerifier.create(oss.uploader().upload(PutObjectRequest.of(BUCKET, "stream"),
                        Flux.fromIterable(chunks).map(ByteBuffer::wrap)))
                .assertNext(result -> {
                    assertThat(result.size()).isEqualTo(all.capacity());
                    assertThat(result.crc64()).isEqualTo(Crc64.of(all.array()));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(oss.emulator().object(BUCKET, "stream").orElseThrow().bytes()).isEqualTo(all.array());
    }

    @Test
    void sendsAShortStreamAsOnePutObject() {
        StepVerifier.create(oss.uploader().upload(PutObjectRequest.of(BUCKET, "short"),
                        Flux.just(ByteBuffer.wrap(random(1000, 9)))))
                .assertNext(result -> assertThat(result.size()).isEqualTo(1000))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(oss.awaitRequests(Operation.PUT_OBJECT, 1)).hasSize(1);
        assertThat(oss.operations()).containsExactly(Operation.PUT_OBJECT);
    }

    @Test
    void reportsBytesAndPartsDone() throws IOException {
        List<Progress> events = new CopyOnWriteArrayList<>();
        Path file = Files.write(dir.resolve("data.bin"), random(5 * PART + 7, 5));
        PutObjectRequest request = PutObjectRequest.builder(BUCKET, "progress").progressListener(events::add).build();

        StepVerifier.create(oss.uploader().uploadFile(request, file)).expectNextCount(1).expectComplete()
                .verify(Duration.ofSeconds(30));

        Progress last = events.get(events.size() - 1);
        assertThat(last.transferredBytes()).isEqualTo(5 * PART + 7);
        assertThat(last.completedParts()).isEqualTo(6);
        assertThat(last.totalParts()).hasValue(6);
        assertThat(last.fraction()).hasValue(1.0);
        assertThat(events).extracting(Progress::completedParts).isSorted();
    }

    @Test
    void sendsTheCallbackWithTheCompletingRequest() throws IOException {
        byte[] data = random(3 * PART + 5, 6);
        Path file = Files.write(dir.resolve("data.bin"), data);
        try (CallbackRecorder receiver = new CallbackRecorder()) {
            Callback callback = Callback.builder(receiver.url(),
                    "object=${object}&size=${size}&etag=${etag}&crc64=${crc64}&uid=${x:uid}").variable("x:uid", "42")
                    .build();
            PutObjectRequest request = PutObjectRequest.builder(BUCKET, "dir/with callback.bin").callback(callback)
                    .build();

            UploadResult result = oss.uploader().uploadFile(request, file).block(Duration.ofSeconds(30));

            assertThat(result.callbackReply().orElseThrow().text()).isEqualTo("{\"received\":true}");
            assertThat(receiver.bodies()).containsExactly("object=dir%2Fwith%20callback.bin&size=" + data.length
                    + "&etag=" + result.etag() + "&crc64=" + Crc64.format(Crc64.of(data)) + "&uid=42");
            assertThat(oss.awaitRequests(Operation.COMPLETE_MULTIPART_UPLOAD, 1).get(0).header("x-oss-callback"))
                    .isPresent();
            assertThat(oss.requests(Operation.INITIATE_MULTIPART_UPLOAD).get(0).header("x-oss-callback")).isEmpty();
        }
    }

    @Test
    void reportsAFailedCallbackOnCompletionWithTheStoredObject() throws IOException {
        oss.emulator().inject(Operation.COMPLETE_MULTIPART_UPLOAD, Fault.callbackStatus(500));
        Path file = Files.write(dir.resolve("data.bin"), random(2 * PART + 1, 7));
        PutObjectRequest request = PutObjectRequest.builder(BUCKET, "cb-fails")
                .callback(Callback.builder("http://127.0.0.1:9/cb", "object=${object}").build()).build();

        StepVerifier.create(oss.uploader().uploadFile(request, file))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(CallbackFailedException.class,
                        failed -> assertThat(failed.result().size()).isEqualTo(2 * PART + 1)))
                .verify(Duration.ofSeconds(30));
        assertThat(oss.emulator().object(BUCKET, "cb-fails")).isPresent();
    }

    /**
     * The most requests served at one instant. The emulator stamps completion after writing the
     * response, when the client may already have sent its next part, so each interval loses its last
     * 20 ms; real overlaps here last the 150 ms of the injected delay.
     */
    static int mostAtOnce(List<RecordedRequest> requests) {
        List<Map.Entry<Instant, Integer>> events = new ArrayList<>();
        for (RecordedRequest request : requests) {
            events.add(Map.entry(request.arrivedAt(), 1));
            events.add(Map.entry(request.completedAt().minusMillis(20), -1));
        }
        events.sort(Map.Entry.<Instant, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        int current = 0;
        int most = 0;
        for (Map.Entry<Instant, Integer> event : events) {
            current += event.getValue();
            most = Math.max(most, current);
        }
        return most;
    }
}
