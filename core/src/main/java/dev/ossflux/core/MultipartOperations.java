package dev.ossflux.core;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.Names;
import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.core.internal.xml.CompleteMultipartUpload;
import dev.ossflux.core.internal.xml.InitiateMultipartUploadResult;
import dev.ossflux.core.internal.xml.ListMultipartUploadsResult;
import dev.ossflux.core.internal.xml.ListPartsResult;
import dev.ossflux.core.internal.xml.Xml;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The multipart family: initiate, upload part, complete, abort, list parts and list uploads. */
final class MultipartOperations {

    private final Transport transport;
    private final ObjectOperations objects;

    MultipartOperations(Transport transport, ObjectOperations objects) {
        this.transport = transport;
        this.objects = objects;
    }

    Mono<MultipartUpload> initiate(PutObjectRequest request) {
        return Mono.defer(() -> transport.exchange(OssRequest.of("InitiateMultipartUpload", HttpMethod.POST,
                                Objects.requireNonNull(request, "request").bucket(), request.key())
                        .query(List.of(QueryParam.flag("uploads"))).headers(Headers.objectAttributes(request))))
                .map(response -> {
                    InitiateMultipartUploadResult result =
                            Xml.read(response.body(), InitiateMultipartUploadResult.class);
                    return new MultipartUpload(request.bucket(), request.key(), result.uploadId());
                });
    }

    Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body,
            @Nullable ProgressListener progress) {
        return Mono.defer(() -> {
            Objects.requireNonNull(upload, "upload");
            Objects.requireNonNull(body, "body");
            if (partNumber < 1 || partNumber > UploadedPart.MAX_PART_NUMBER) {
                return Mono.error(new IllegalArgumentException("partNumber: must be 1 to "
                        + UploadedPart.MAX_PART_NUMBER + ", got " + partNumber));
            }
            OssRequest request = OssRequest.of("UploadPart", HttpMethod.PUT, upload.bucket(), upload.key())
                    .query(List.of(QueryParam.of("partNumber", Integer.toString(partNumber)),
                            QueryParam.of("uploadId", upload.uploadId())))
                    .body(body, progress);
            ExpectedUpload expected = ExpectedUpload.part(upload);
            return transport.exchange(request).map(response -> expected.part(partNumber, response));
        });
    }

    Mono<UploadResult> complete(MultipartUpload upload, List<UploadedPart> parts, Optional<Callback> callback) {
        return Mono.defer(() -> {
            Objects.requireNonNull(upload, "upload");
            List<UploadedPart> sorted = ascending(Objects.requireNonNull(parts, "parts"));
            long crc = 0;
            long size = 0;
            List<CompleteMultipartUpload.Part> listed = new ArrayList<>(sorted.size());
            for (UploadedPart part : sorted) {
                crc = Crc64.combine(crc, part.crc64(), part.size());
                size += part.size();
                listed.add(new CompleteMultipartUpload.Part(part.partNumber(), "\"" + part.etag() + "\""));
            }
            Map<String, String> headers = new HashMap<>();
            headers.put("content-type", "application/xml");
            callback.ifPresent(cb -> Headers.addCallback(headers, cb));
            ExpectedUpload expected = ExpectedUpload.complete(upload, crc, size, callback.isPresent());
            OssRequest request = OssRequest.of("CompleteMultipartUpload", HttpMethod.POST, upload.bucket(),
                            upload.key())
                    .query(List.of(QueryParam.of("uploadId", upload.uploadId())))
                    .headers(headers)
                    .body(new BytesBody(Xml.write(new CompleteMultipartUpload(listed))), null)
                    .expecting(expected);
            return transport.exchange(request)
                    .map(expected::result)
                    .onErrorResume(error -> OssException.hasCode(error, "NoSuchUpload"),
                            gone -> completedEarlier(upload, expected, (OssException) gone));
        });
    }

    /**
     * A Complete whose response was lost (a reset connection, a 5xx after OSS finished) is retried and
     * then finds the upload gone. If the object now holds exactly the parts' bytes (same size and
     * CRC-64), the earlier attempt completed it: report that object. With a callback, the reply (or
     * the 203) went with the lost response, so the outcome is a {@link CallbackOutcomeUnknownException}
     * carrying the object. Otherwise the upload really is unknown and the error stands.
     */
    private Mono<UploadResult> completedEarlier(MultipartUpload upload, ExpectedUpload expected,
            OssException gone) {
        long size = expected.size().orElseThrow();
        long crc = expected.crc64().orElseThrow();
        return objects.headObject(upload.bucket(), upload.key())
                .filter(head -> head.contentLength() == size && head.crc64().isPresent()
                        && head.crc64().getAsLong() == crc)
                .map(head -> expected.storedAs(head, crc, size))
                .onErrorResume(OssException.class, missing -> Mono.empty())
                .switchIfEmpty(Mono.error(gone))
                .flatMap(stored -> expected.withCallback()
                        ? Mono.error(new CallbackOutcomeUnknownException(stored, gone)) : Mono.just(stored));
    }

    Mono<Void> abort(MultipartUpload upload) {
        return Mono.defer(() -> transport.exchange(OssRequest.of("AbortMultipartUpload", HttpMethod.DELETE,
                        Objects.requireNonNull(upload, "upload").bucket(), upload.key())
                        .query(List.of(QueryParam.of("uploadId", upload.uploadId())))))
                .then();
    }

    Flux<UploadedPart> listParts(MultipartUpload upload) {
        return Flux.defer(() -> listPartsFrom(Objects.requireNonNull(upload, "upload"), 0));
    }

    Flux<MultipartUpload> listUploads(String bucket, String prefix) {
        return Mono.fromCallable(() -> Names.requireBucket(bucket))
                .flatMapMany(valid -> listUploadsFrom(bucket, prefix, null, null));
    }

    private Flux<UploadedPart> listPartsFrom(MultipartUpload upload, int marker) {
        OssRequest request = OssRequest.of("ListParts", HttpMethod.GET, upload.bucket(), upload.key())
                .query(List.of(QueryParam.of("uploadId", upload.uploadId()),
                        QueryParam.of("part-number-marker", Integer.toString(marker))));
        return transport.exchange(request).flatMapMany(response -> {
            ListPartsResult page = Xml.read(response.body(), ListPartsResult.class);
            Flux<UploadedPart> parts = Flux.fromIterable(page.parts()).map(MultipartOperations::uploadedPart);
            return page.truncated() && page.nextPartNumberMarker() > marker
                    ? parts.concatWith(Flux.defer(() -> listPartsFrom(upload, page.nextPartNumberMarker())))
                    : parts;
        });
    }

    private Flux<MultipartUpload> listUploadsFrom(String bucket, String prefix, @Nullable String keyMarker,
            @Nullable String uploadIdMarker) {
        List<QueryParam> query = new ArrayList<>(List.of(QueryParam.flag("uploads"), QueryParam.of("prefix", prefix)));
        if (keyMarker != null) {
            query.add(QueryParam.of("key-marker", keyMarker));
            query.add(QueryParam.of("upload-id-marker", uploadIdMarker == null ? "" : uploadIdMarker));
        }
        OssRequest request = OssRequest.of("ListMultipartUploads", HttpMethod.GET, bucket, null).query(query);
        return transport.exchange(request).flatMapMany(response -> {
            ListMultipartUploadsResult page = Xml.read(response.body(), ListMultipartUploadsResult.class);
            Flux<MultipartUpload> uploads = Flux.fromIterable(page.uploads())
                    .map(upload -> new MultipartUpload(bucket, upload.key(), upload.uploadId()));
            return page.truncated()
                    ? uploads.concatWith(Flux.defer(() -> listUploadsFrom(bucket, prefix, page.nextKeyMarker(),
                            page.nextUploadIdMarker())))
                    : uploads;
        });
    }

    private static UploadedPart uploadedPart(ListPartsResult.Part part) {
        if (part.crc64() == null) {
            throw new IllegalStateException("ListParts did not report HashCrc64ecma for part " + part.partNumber()
                    + ", so its integrity cannot be checked");
        }
        return new UploadedPart(part.partNumber(), OssResponse.unquote(part.etag()), part.size(),
                Crc64.parse(part.crc64()));
    }

    private static List<UploadedPart> ascending(List<UploadedPart> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts: a multipart upload needs at least one part");
        }
        List<UploadedPart> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(UploadedPart::partNumber));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).partNumber() == sorted.get(i - 1).partNumber()) {
                throw new IllegalArgumentException("parts: part " + sorted.get(i).partNumber() + " is listed twice");
            }
        }
        return sorted;
    }
}
