package dev.ossflux.multipart.internal;

import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.UploadBody;
import dev.ossflux.multipart.internal.AdmissionGate.Admitted;
import dev.ossflux.multipart.MultipartOptions;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An upload of unknown length: parts are cut as bytes arrive and uploaded a few at a time. */
final class StreamUpload {

    private final OssClient client;
    private final MultipartOptions options;
    private final PutObjectRequest request;

    StreamUpload(OssClient client, MultipartOptions options, PutObjectRequest request) {
        this.client = client;
        this.options = options;
        this.request = request;
    }

    Mono<UploadResult> run(Publisher<ByteBuffer> data) {
        GrowingPartSizes sizes = new GrowingPartSizes(options.partSize().orElse(MultipartOptions.DEFAULT_PART_SIZE));
        return AdmissionGate.admit(PartCutter.cut(Flux.from(data), sizes), client.transferBudget()::reserve, sizes::size)
                .switchOnFirst((first, parts) -> {
                    if (first.hasValue() && !first.get().item().full()) {
                        Admitted<PartCutter.Part> only = first.get();
                        return parts.take(1, true).then(sent(only,
                                permitted -> client.putObject(request, permitted)));
                    }
                    return first.hasValue() ? multipart(parts)
                            : parts.take(1, true).then(Mono.<UploadResult>empty());
                })
                .single();
    }

    /** Sends the part's bytes within the room it was admitted with, and gives the room back afterwards. */
    private static <T> Mono<T> sent(Admitted<PartCutter.Part> part, Function<UploadBody, Mono<T>> send) {
        UploadBody body = UploadBody.fromByteBuffers(part.item().buffers()).within(part.permit());
        return send.apply(body).doFinally(signal -> part.permit().release());
    }

    private Mono<UploadResult> multipart(Flux<Admitted<PartCutter.Part>> parts) {
        ProgressTracker progress = new ProgressTracker(request.progressListener().orElse(null), OptionalLong.empty(),
                OptionalInt.empty(), 0, 0);
        return Mono.usingWhen(Parts.initiate(client, request),
                upload -> parts
                        .flatMap(part -> send(upload, part, progress), options.concurrency())
                        .doOnNext(progress::partDone)
                        .collectList()
                        .flatMap(done -> Parts.complete(client, request, upload, done)),
                upload -> Mono.empty(),
                (upload, error) -> Parts.abortQuietly(client, upload),
                upload -> Parts.abortQuietly(client, upload));
    }

    private Mono<UploadedPart> send(MultipartUpload upload, Admitted<PartCutter.Part> admitted,
            ProgressTracker progress) {
        PartCutter.Part part = admitted.item();
        return sent(admitted, body -> Parts.upload(client, upload, part.number(), body,
                progress.forPart(part.number())));
    }
}
