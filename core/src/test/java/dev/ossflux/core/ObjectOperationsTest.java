package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ObjectOperationsTest {

    private static final long CRC_0123456789 = Long.parseUnsignedLong("2838902930144391966");

    private final MockOss oss = new MockOss();

    @AfterEach
    void close() {
        oss.close();
    }

    @Test
    void readsAWholeObjectAndChecksItsCrc() {
        oss.enqueue(MockOss.ok("781E5E245D69B566979B86E28D23F2C7", CRC_0123456789).setHeader("Content-Type", "text/plain")
                .setHeader("x-oss-meta-author", "alice").setHeader("Last-Modified", "Mon, 15 Jan 2024 08:30:00 GMT")
                .setHeader("x-oss-object-type", "Normal").body("0123456789").build());

        StepVerifier.create(oss.client.getObject(GetObjectRequest.of(MockOss.BUCKET, "dir/a b.txt"))
                        .flatMap(content -> content.bytes().map(bytes -> {
                            assertThat(content.metadata().contentLength()).isEqualTo(10);
                            assertThat(content.metadata().contentType()).isEqualTo("text/plain");
                            assertThat(content.metadata().userMetadata()).containsEntry("author", "alice");
                            assertThat(content.metadata().lastModified()).hasValueSatisfying(
                                    at -> assertThat(at.getEpochSecond()).isEqualTo(1705307400));
                            assertThat(content.metadata().objectType()).contains("Normal");
                            return new String(bytes, StandardCharsets.UTF_8);
                        })))
                .expectNext("0123456789")
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.take().getRequestLine()).isEqualTo("GET /examplebucket/dir/a%20b.txt HTTP/1.1");
    }

    @Test
    void failsAWholeReadWhoseBytesDoNotMatchTheObjectCrc() {
        oss.enqueue(MockOss.ok("E", CRC_0123456789).body("0123456780").build());
        StepVerifier.create(oss.client.getObject(GetObjectRequest.of(MockOss.BUCKET, "k"))
                        .flatMap(ObjectContent::bytes))
                .expectError(ChecksumMismatchException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void readsARangeWithoutCheckingTheWholeObjectCrc() {
        oss.enqueue(MockOss.ok("E", CRC_0123456789).code(206).setHeader("Content-Range", "bytes 2-4/10").body("234")
                .build());
        StepVerifier.create(oss.client.getObject(GetObjectRequest.of(MockOss.BUCKET, "k").withRange(2, 4))
                        .flatMap(ObjectContent::bytes).map(bytes -> new String(bytes, StandardCharsets.UTF_8)))
                .expectNext("234")
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.take().getHeaders().get("Range")).isEqualTo("bytes=2-4");
    }

    @Test
    void reportsAMissingKeyFromAHeadThroughTheErrorHeader() {
        String xml = "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                + "<RequestId>65A4ED880000000000000001</RequestId><EC>0026-00000001</EC></Error>";
        oss.enqueue(new MockResponse.Builder().code(404)
                .setHeader("x-oss-err", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)))
                .setHeader("x-oss-request-id", "65A4ED880000000000000001").build());
        StepVerifier.create(oss.client.headObject(MockOss.BUCKET, "missing.txt"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(OssException.class, oss -> {
                    assertThat(oss.statusCode()).isEqualTo(404);
                    assertThat(oss.errorCode()).isEqualTo("NoSuchKey");
                    assertThat(oss.ec()).contains("0026-00000001");
                }))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void deletesAnObject() {
        oss.enqueue(new MockResponse.Builder().code(204).build());
        StepVerifier.create(oss.client.deleteObject(MockOss.BUCKET, "k")).expectComplete().verify(Duration.ofSeconds(5));
        assertThat(oss.take().getRequestLine()).isEqualTo("DELETE /examplebucket/k HTTP/1.1");
    }

    @Test
    void runsTheMultipartFamilyAndChecksTheCombinedCrc() {
        oss.enqueue(new MockResponse.Builder().code(200).body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<InitiateMultipartUploadResult><Bucket>examplebucket</Bucket><Key>big/file.bin</Key>"
                + "<UploadId>0004B9894A22E5B1888A1E29F823ABCD</UploadId></InitiateMultipartUploadResult>").build());
        long crc12345 = dev.ossflux.core.Crc64.of("12345".getBytes(StandardCharsets.US_ASCII));
        long crc6789 = dev.ossflux.core.Crc64.of("6789".getBytes(StandardCharsets.US_ASCII));
        oss.enqueue(MockOss.ok("AAAA", crc12345).build());
        oss.enqueue(MockOss.ok("BBBB", crc6789).build());
        oss.enqueue(MockOss.ok("CCCC-2", Long.parseUnsignedLong("11051210869376104954")).body(
                "<CompleteMultipartUploadResult><Location>l</Location><Bucket>examplebucket</Bucket>"
                        + "<Key>big/file.bin</Key><ETag>\"CCCC-2\"</ETag></CompleteMultipartUploadResult>").build());

        StepVerifier.create(oss.client.initiateMultipartUpload(PutObjectRequest.of(MockOss.BUCKET, "big/file.bin"))
                        .flatMap(upload -> oss.client.uploadPart(upload, 1, UploadBody.fromString("12345"))
                                .zipWhen(first -> oss.client.uploadPart(upload, 2, UploadBody.fromString("6789")))
                                .flatMap(parts -> oss.client.completeMultipartUpload(upload,
                                        List.of(parts.getT2(), parts.getT1())))))
                .assertNext(result -> {
                    assertThat(result.etag()).isEqualTo("CCCC-2");
                    assertThat(result.size()).isEqualTo(9);
                    assertThat(result.crc64Text()).isEqualTo("11051210869376104954");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        assertThat(oss.take().getRequestLine()).isEqualTo("POST /examplebucket/big/file.bin?uploads HTTP/1.1");
        RecordedRequest part1 = oss.take();
        assertThat(part1.getRequestLine()).isEqualTo(
                "PUT /examplebucket/big/file.bin?partNumber=1&uploadId=0004B9894A22E5B1888A1E29F823ABCD HTTP/1.1");
        assertThat(part1.getBody().utf8()).isEqualTo("12345");
        oss.take();
        RecordedRequest complete = oss.take();
        assertThat(complete.getRequestLine()).isEqualTo(
                "POST /examplebucket/big/file.bin?uploadId=0004B9894A22E5B1888A1E29F823ABCD HTTP/1.1");
        assertThat(complete.getBody().utf8()).as("parts sorted by number whatever order they are given in")
                .contains("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"AAAA\"</ETag></Part>"
                        + "<Part><PartNumber>2</PartNumber><ETag>\"BBBB\"</ETag></Part></CompleteMultipartUpload>");
    }

    @Test
    void refusesACompletionWhoseObjectCrcDiffersFromTheParts() {
        oss.enqueue(MockOss.ok("CCCC-1", 42).body("<CompleteMultipartUploadResult><ETag>\"CCCC-1\"</ETag>"
                + "</CompleteMultipartUploadResult>").build());
        MultipartUpload upload = new MultipartUpload(MockOss.BUCKET, "k", "U");
        StepVerifier.create(oss.client.completeMultipartUpload(upload, List.of(new UploadedPart(1, "A", 4, 7))))
                .expectError(ChecksumMismatchException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void rejectsDuplicatePartsBeforeSending() {
        MultipartUpload upload = new MultipartUpload(MockOss.BUCKET, "k", "U");
        StepVerifier.create(oss.client.completeMultipartUpload(upload,
                        List.of(new UploadedPart(1, "A", 4, 7), new UploadedPart(1, "B", 4, 7))))
                .expectErrorMessage("parts: part 1 is listed twice")
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(oss.client.uploadPart(upload, 10_001, UploadBody.fromString("x")))
                .expectError(IllegalArgumentException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(oss.server.getRequestCount()).isZero();
    }

    @Test
    void pagesThroughListParts() {
        oss.enqueue(new MockResponse.Builder().code(200).body(listParts(1, true, 1)).build());
        oss.enqueue(new MockResponse.Builder().code(200).body(listParts(2, false, 1)).build());
        StepVerifier.create(oss.client.listParts(new MultipartUpload(MockOss.BUCKET, "k", "U")))
                .assertNext(part -> assertThat(part.partNumber()).isEqualTo(1))
                .assertNext(part -> assertThat(part.etag()).isEqualTo("E2"))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        oss.take();
        assertThat(oss.take().getUrl().queryParameter("part-number-marker")).isEqualTo("1");
    }

    private static String listParts(int number, boolean truncated, int next) {
        return "<ListPartsResult><Bucket>examplebucket</Bucket><Key>k</Key><UploadId>U</UploadId>"
                + "<StorageClass>Standard</StorageClass><PartNumberMarker>0</PartNumberMarker>"
                + "<NextPartNumberMarker>" + next + "</NextPartNumberMarker><MaxParts>1000</MaxParts>"
                + "<IsTruncated>" + truncated + "</IsTruncated><Part><PartNumber>" + number + "</PartNumber>"
                + "<LastModified>2024-01-15T08:30:00.000Z</LastModified><ETag>\"E" + number + "\"</ETag>"
                + "<HashCrc64ecma>1</HashCrc64ecma><Size>102400</Size></Part></ListPartsResult>";
    }
}
