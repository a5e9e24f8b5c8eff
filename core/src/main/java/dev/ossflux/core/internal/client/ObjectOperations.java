package dev.ossflux.core.internal.client;

import dev.ossflux.core.ChecksumMismatchException;
import dev.ossflux.core.GetObjectRequest;
import dev.ossflux.core.ObjectContent;
import dev.ossflux.core.ObjectMetadata;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.internal.Names;
import dev.ossflux.core.internal.body.Body;
import dev.ossflux.core.Crc64;
import dev.ossflux.core.internal.http.OssRequest;
import dev.ossflux.core.internal.http.Transport;
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

    Mono<UploadResult> putObject(PutObjectRequest request, UploadBody uploadBody) {
        return Mono.defer(() -> {
            Objects.requireNonNull(request, "request");
            Body body = Body.of(Objects.requireNonNull(uploadBody, "body"));
            Map<String, String> headers = Headers.objectAttributes(request);
            request.callback().ifPresent(callback -> Headers.addCallback(headers, callback));
            Mono<Map<String, String>> withMd5 = request.contentMd5()
                    ? body.contentMd5().map(md5 -> {
                        headers.put("content-md5", md5);
                        return headers;
                    })
                    : Mono.just(headers);
            return withMd5.flatMap(all -> transport.exchange(OssRequest.of("PutObject", HttpMethod.PUT,
                            request.bucket(), request.key()).headers(all).body(body,
                            request.progressListener().orElse(null))))
                    .map(response -> Responses.upload(response, request.bucket(), request.key(),
                            response.sentBytes(), response.sentCrc64().orElseThrow(), request.callback().isPresent(),
                            null));
        });
    }

    Mono<ObjectContent> getObject(GetObjectRequest request) {
        return Mono.defer(() -> {
            Objects.requireNonNull(request, "request");
            OssRequest get = OssRequest.of("GetObject", HttpMethod.GET, request.bucket(), request.key())
                    .headers(request.range().map(range -> Map.of("range", range.headerValue())).orElse(Map.of()));
            return transport.stream(get).map(response -> {
                ObjectMetadata metadata = Responses.metadata(response.headers());
                boolean whole = response.status() == 200 && metadata.crc64().isPresent();
                Flux<ByteBuffer> body = whole ? verified(response.body(), metadata) : response.body();
                return new ObjectContent(metadata, body);
            });
        });
    }

    Mono<ObjectMetadata> headObject(String bucket, String key) {
        return Mono.defer(() -> transport.exchange(OssRequest.of("HeadObject", HttpMethod.HEAD,
                        Names.requireBucket(bucket), Names.requireKey(key))))
                .map(response -> Responses.metadata(response.headers()));
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
