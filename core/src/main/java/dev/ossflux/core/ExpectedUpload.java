package dev.ossflux.core;

import dev.ossflux.core.callback.CallbackReply;
import dev.ossflux.core.internal.xml.CompleteMultipartUploadResult;
import dev.ossflux.core.internal.xml.ErrorBody;
import dev.ossflux.core.internal.xml.Xml;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an upload must turn out to be, fixed when the request is built and checked against OSS's
 * answer: the object's CRC-64 and size (known in advance, or those of the bytes the attempt sent),
 * whether a 200 body is a callback reply, and whether the ETag may come from a Complete XML body.
 *
 * @param crc64 the expected CRC-64; empty for the CRC of the bytes sent
 * @param size the object size; empty for the number of bytes sent
 */
record ExpectedUpload(String bucket, String key, OptionalLong crc64, OptionalLong size, boolean withCallback,
        boolean etagInCompleteBody) {

    private static final int CALLBACK_FAILED = 203;

    /** A PutObject: the object is exactly the bytes sent. */
    static ExpectedUpload put(PutObjectRequest request) {
        return new ExpectedUpload(request.bucket(), request.key(), OptionalLong.empty(), OptionalLong.empty(),
                request.callback().isPresent(), false);
    }

    /** An UploadPart: the part is exactly the bytes sent. */
    static ExpectedUpload part(MultipartUpload upload) {
        return new ExpectedUpload(upload.bucket(), upload.key(), OptionalLong.empty(), OptionalLong.empty(), false,
                false);
    }

    /** A CompleteMultipartUpload: the object is the listed parts joined. */
    static ExpectedUpload complete(MultipartUpload upload, long crc64, long size, boolean withCallback) {
        return new ExpectedUpload(upload.bucket(), upload.key(), OptionalLong.of(crc64), OptionalLong.of(size),
                withCallback, true);
    }

    /**
     * The stored object OSS confirmed; a 203 becomes a {@link CallbackFailedException} carrying it.
     *
     * @throws ChecksumMismatchException when the CRC-64 or the ETag is missing or differs
     */
    UploadResult result(OssResponse response) {
        long crc = confirmedCrc(response);
        String etag = etag(response);
        Optional<CallbackReply> reply = withCallback && response.status() != CALLBACK_FAILED
                ? Optional.of(CallbackReply.of(response.body())) : Optional.empty();
        UploadResult result = new UploadResult(bucket, key, etag, crc, size.orElse(response.sentBytes()),
                Optional.ofNullable(response.header("x-oss-version-id")), response.requestId(), reply);
        if (response.status() == CALLBACK_FAILED) {
            ErrorBody error = Errors.errorBody(response);
            String message = error.get("Message");
            throw new CallbackFailedException(result, message == null ? "the upload callback failed" : message,
                    error.get("HostId"), error.get("EC"), Errors.details(error));
        }
        return result;
    }

    /** The object OSS reports holding, which the caller found to have the expected CRC-64 and size. */
    UploadResult storedAs(ObjectMetadata stored, long crc, long objectSize) {
        return new UploadResult(bucket, key, stored.etag(), crc, objectSize, stored.versionId(), stored.requestId(),
                Optional.empty());
    }

    /** The part OSS confirmed, checked like {@link #result(OssResponse)}. */
    UploadedPart part(int partNumber, OssResponse response) {
        long crc = confirmedCrc(response);
        return new UploadedPart(partNumber, etag(response), size.orElse(response.sentBytes()), crc);
    }

    /** The CRC-64 OSS reported, which must be present and equal the expected one. */
    private long confirmedCrc(OssResponse response) {
        long expected = crc64.isPresent() ? crc64.getAsLong() : response.sentCrc64().orElseThrow();
        String header = response.header("x-oss-hash-crc64ecma");
        if (header == null) {
            throw new ChecksumMismatchException("CRC-64", Crc64.format(expected), "none", response.requestId());
        }
        long actual;
        try {
            actual = Crc64.parse(header.trim());
        } catch (NumberFormatException e) {
            throw new ChecksumMismatchException("CRC-64", Crc64.format(expected), header, response.requestId());
        }
        if (actual != expected) {
            throw new ChecksumMismatchException("CRC-64", Crc64.format(expected), Crc64.format(actual),
                    response.requestId());
        }
        return actual;
    }

    private String etag(OssResponse response) {
        String etag = response.etag();
        if (etag == null && etagInCompleteBody && !withCallback && response.body().length > 0) {
            etag = OssResponse.unquote(Xml.read(response.body(), CompleteMultipartUploadResult.class).etag());
        }
        if (etag == null) {
            throw new ChecksumMismatchException("ETag", "an ETag", "none", response.requestId());
        }
        return etag;
    }

    @Override
    public String toString() {
        return "ExpectedUpload[" + bucket + "/" + key + "]";
    }
}
