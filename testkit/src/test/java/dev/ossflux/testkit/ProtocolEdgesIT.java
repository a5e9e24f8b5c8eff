package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Error shapes and HTTP details the SDKs depend on, checked with hand-made requests. */
class ProtocolEdgesIT {

    private static final String BUCKET = "examplebucket";
    private static OssEmulator oss;

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket(BUCKET).start();
        SignedRequests.send(oss, new SignedRequests.Request("PUT", BUCKET, "ten.txt").body("0123456789"));
    }

    @AfterAll
    static void stop() {
        oss.close();
    }

    private static SignedRequests.Response get(String key, String... headers) {
        SignedRequests.Request request = new SignedRequests.Request("GET", BUCKET, key);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return SignedRequests.send(oss, request);
    }

    @Test
    void answersErrorsWithTheOssXmlShapeAndMatchingRequestId() {
        SignedRequests.Response response = get("missing.txt");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("content-type")).isEqualTo("application/xml");
        assertThat(response.header("server")).isEqualTo("AliyunOSS");
        assertThat(response.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message><RequestId>" + response.header("x-oss-request-id")
                + "</RequestId><HostId>127.0.0.1</HostId><Key>missing.txt</Key><EC>0026-00000001</EC>");
        assertThat(response.header("x-oss-request-id")).matches("[0-9A-F]{24}");
        assertThat(get("ten.txt", "x", "y").header("x-oss-request-id")).matches("[0-9A-F]{24}");
    }

    @Test
    void servesRangesWithLegacyAndStandardBehaviour() {
        SignedRequests.Response partial = get("ten.txt", "Range", "bytes=-3");
        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.text()).isEqualTo("789");
        assertThat(partial.header("content-range")).isEqualTo("bytes 7-9/10");
        assertThat(partial.header("x-oss-hash-crc64ecma")).isEqualTo("2838902930144391966");

        SignedRequests.Response legacy = get("ten.txt", "Range", "bytes=5-20");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.text()).isEqualTo("0123456789");

        SignedRequests.Response clamped = get("ten.txt", "Range", "bytes=5-20", "x-oss-range-behavior", "standard");
        assertThat(clamped.status()).isEqualTo(206);
        assertThat(clamped.text()).isEqualTo("56789");

        SignedRequests.Response beyond = get("ten.txt", "Range", "bytes=10-20", "x-oss-range-behavior", "standard");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.errorCode()).isEqualTo("InvalidRange");
    }

    @Test
    void honoursConditionalHeaders() {
        String etag = get("ten.txt").header("etag");
        assertThat(get("ten.txt", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(get("ten.txt", "If-Match", "\"0000\"").status()).isEqualTo(412);
        assertThat(get("ten.txt", "If-Match", etag).status()).isEqualTo(200);
        assertThat(get("ten.txt", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").status()).isEqualTo(200);
    }

    @Test
    void refusesOverwritesWhenForbiddenAndChecksTheContentMd5() {
        SignedRequests.Response conflict = SignedRequests.send(oss, new SignedRequests.Request("PUT", BUCKET, "ten.txt")
                .header("x-oss-forbid-overwrite", "true").body("other"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("FileAlreadyExists");

        SignedRequests.Response digest = SignedRequests.send(oss, new SignedRequests.Request("PUT", BUCKET, "md5.txt")
                .header("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==").body("not empty"));
        assertThat(digest.errorCode()).isEqualTo("InvalidDigest");
        assertThat(oss.object(BUCKET, "md5.txt")).isEmpty();
        assertThat(oss.object(BUCKET, "ten.txt").orElseThrow().utf8()).isEqualTo("0123456789");
    }

    @Test
    void rejectsBadNamesUnknownBucketsAndAnonymousWrites() {
        assertThat(SignedRequests.send(oss, new SignedRequests.Request("PUT", BUCKET, "\\bad").body("x")).errorCode())
                .isEqualTo("InvalidObjectName");
        SignedRequests.Response bucket = SignedRequests.send(oss, new SignedRequests.Request("GET", "nobucket", "k"));
        assertThat(bucket.errorCode()).isEqualTo("NoSuchBucket");
        assertThat(bucket.status()).isEqualTo(404);
        SignedRequests.Response anonymous = SignedRequests.send(oss, new SignedRequests.Request("PUT", BUCKET, "anon")
                .unsigned().body("x"));
        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void answersHeadErrorsWithoutABody() {
        SignedRequests.Response head = SignedRequests.send(oss, new SignedRequests.Request("HEAD", BUCKET, "nope"));
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
        String xml = new String(Base64.getDecoder().decode(head.header("x-oss-err")), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Code>NoSuchKey</Code>", "<RequestId>" + head.header("x-oss-request-id"));
    }

    @Test
    void acceptsChunkedBodiesAfterExpectContinue() throws Exception {
        String date = dev.ossflux.core.internal.sign.V1Signer.HTTP_DATE.format(java.time.Instant.now());
        String signature = dev.ossflux.core.internal.sign.V1Signer.signature(OssEmulator.DEFAULT_ACCESS_KEY_SECRET,
                "PUT\n\ntext/plain\n" + date + "\n/" + BUCKET + "/chunked.txt");
        try (Socket socket = new Socket("127.0.0.1", oss.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("PUT /" + BUCKET + "/chunked.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nDate: " + date
                    + "\r\nContent-Type: text/plain\r\nAuthorization: OSS " + OssEmulator.DEFAULT_ACCESS_KEY_ID + ":"
                    + signature + "\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readLine(in)).isEqualTo("HTTP/1.1 100 Continue");
            out.write("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = RawHttp.readLine(in);
            while (status.isEmpty() || status.startsWith("HTTP/1.1 100")) {
                status = RawHttp.readLine(in);
            }
            assertThat(status).isEqualTo("HTTP/1.1 200 OK");
        }
        assertThat(oss.object(BUCKET, "chunked.txt").orElseThrow().utf8()).isEqualTo("hello world");
    }

    @Test
    void storesNothingWhenTheBodyEndsBeforeContentLength() throws Exception {
        String date = dev.ossflux.core.internal.sign.V1Signer.HTTP_DATE.format(java.time.Instant.now());
        String signature = dev.ossflux.core.internal.sign.V1Signer.signature(OssEmulator.DEFAULT_ACCESS_KEY_SECRET,
                "PUT\n\n\n" + date + "\n/" + BUCKET + "/short.txt");
        try (Socket socket = new Socket("127.0.0.1", oss.port())) {
            socket.getOutputStream().write(("PUT /" + BUCKET + "/short.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nDate: "
                    + date + "\r\nAuthorization: OSS " + OssEmulator.DEFAULT_ACCESS_KEY_ID + ":" + signature
                    + "\r\nContent-Length: 100\r\n\r\nonly twenty bytes...").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            socket.setSoTimeout(10_000);
            socket.getInputStream().readAllBytes();
        }
        RecordedRequest recorded = null;
        for (RecordedRequest r; (r = oss.takeRequest(java.time.Duration.ofSeconds(5))) != null; ) {
            if (r.key().equals(java.util.Optional.of("short.txt"))) {
                recorded = r;
                break;
            }
        }
        assertThat(recorded).isNotNull();
        assertThat(oss.object(BUCKET, "short.txt")).isEmpty();
    }

    @Test
    void refusesARepeatedQueryParameterThatASignatureCouldCoverDifferently() {
        SignedRequests.Response initiated = SignedRequests.send(oss, new SignedRequests.Request("POST", BUCKET,
                "twice.bin").query("uploads", null));
        String uploadId = initiated.text().replaceAll("(?s).*<UploadId>([0-9A-F]+)</UploadId>.*", "$1");
        SignedRequests.Response part = SignedRequests.send(oss, new SignedRequests.Request("PUT", BUCKET, "twice.bin")
                .query("partNumber", "1").query("uploadId", uploadId).query("uploadId", "0000").body("part"));

        assertThat(part.status()).isEqualTo(400);
        assertThat(part.errorCode()).isEqualTo("InvalidArgument");
        assertThat(part.error().get("ArgumentName")).isEqualTo("uploadId");
        assertThat(oss.pendingMultipartUploads(BUCKET)).filteredOn(u -> u.uploadId().equals(uploadId))
                .singleElement().satisfies(u -> assertThat(u.parts()).isEmpty());
    }

    @Test
    void refusesAPathWhoseEscapesAreNotUtf8InsteadOfStoringAReplacementCharacter() {
        String date = dev.ossflux.core.internal.sign.V1Signer.HTTP_DATE.format(java.time.Instant.now());
        String signature = dev.ossflux.core.internal.sign.V1Signer.signature(OssEmulator.DEFAULT_ACCESS_KEY_SECRET,
                "PUT\n\n\n" + date + "\n/" + BUCKET + "/bad\uFFFD");
        SignedRequests.Response response = SignedRequests.send(oss, new SignedRequests.Request("PUT", BUCKET, "x")
                .rawUrl("/" + BUCKET + "/bad%FF").unsigned().header("Date", date)
                .header("Authorization", "OSS " + OssEmulator.DEFAULT_ACCESS_KEY_ID + ":" + signature).body("x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("InvalidObjectName");
        assertThat(oss.object(BUCKET, "bad\uFFFD")).isEmpty();
    }
}
