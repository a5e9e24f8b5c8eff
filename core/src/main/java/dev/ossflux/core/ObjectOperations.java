package dev.ossflux.core;

import dev.ossflux.core.internal.Names;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** PutObject, GetObject, HeadObject and DeleteObject. */
final class ObjectOperations {

    private final Transport transport;

    ObjectOperations(Transport transport) {
        this.transport = transport;
    }

    Mono<UploadResult> putObject(PutObjectRequest request, UploadBody body) {
        return Mono.defer(() -> {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(body, "body");
            Map<String, String> headers = Headers.objectAttributes(request);
            request.callback().ifPresent(callback -> Headers.addCallback(headers, callback));
            Mono<Map<String, String>> withMd5 = request.contentMd5()
                    ? body.contentMd5().map(md5 -> {
                        headers.put("content-md5", md5);
                        return headers;
                    })
                    : Mono.just(headers);
            ExpectedUpload expected = ExpectedUpload.put(request);
            return withMd5.flatMap(all -> transport.exchange(OssRequest.of("PutObject", HttpMethod.PUT,
                            request.bucket(), request.key()).headers(all).body(body,
                            request.progressListener().orElse(null)).expecting(expected)))
                    .map(expected::result);
        });
    }

    Mono<ObjectContent> getObject(GetObjectRequest request) {
        return Mono.defer(() -> {
            Objects.requireNonNull(request, "request");
            OssRequest get = OssRequest.of("GetObject", HttpMethod.GET, request.bucket(), request.key())
                    .headers(request.range().map(range -> Map.of("range", range.headerValue())).orElse(Map.of()));
            return transport.stream(get).map(response -> {
                ObjectMetadata metadata = MetadataHeaders.metadata(response.headers());
                boolean whole = response.status() == 200 && metadata.crc64().isPresent();
                Flux<ByteBuffer> body = whole ? verified(response.body(), metadata) : response.body();
                return new ObjectContent(metadata, body);
            });
        });
    }

    Mono<ObjectMetadata> headObject(String bucket, String key) {
        return Mono.defer(() -> transport.exchange(OssRequest.of("HeadObject", HttpMethod.HEAD,
                        Names.requireBucket(bucket), Names.requireKey(key))))
                .map(response -> MetadataHeaders.metadata(response.headers()));
    }

    Mono<Void> deleteObject(String bucket, String key) {
        return Mono.defer(() -> transport.exchange(OssRequest.of("DeleteObject", HttpMethod.DELETE,
                        Names.requireBucket(bucket), Names.requireKey(key))))
                .then();
    }

    /** Checks a whole-object read against the object's CRC-64 once the last byte has arrived. */
    private static Flux<ByteBuffer> verified(Flux<ByteBuffer> body, ObjectMetadata metadata) {
        return Flux.defer(() -> {
            AtomicLong crc = new AtomicLong();
            long expected = metadata.crc64().orElseThrow();
            return body.doOnNext(buffer -> crc.set(Crc64.update(crc.get(), buffer)))
                    .concatWith(Mono.defer(() -> crc.get() == expected ? Mono.empty()
                            : Mono.error(new ChecksumMismatchException("CRC-64", Crc64.format(expected),
                                    Crc64.format(crc.get()) + " (computed over the bytes received)",
                                    metadata.requestId()))));
        });
    }
}
