package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.callback.Callback;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.PublisherProbe;
import reactor.util.retry.Retry;

class PutObjectTest {

    private static final String KEY = "exampledir/exampleobject.txt";
    private static final String BODY = "0123456789";
    private static final String ETAG = "781E5E245D69B566979B86E28D23F2C7";
    private static final long CRC = Long.parseUnsignedLong("2838902930144391966");
    private static final String CB_B = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9jYWxsYmFjay5leGFtcGxlLmNvbTo4MDgwL29zcy9jYj9zcmM9b3NzIiwi"
            + "Y2FsbGJhY2tIb3N0IjoiY2FsbGJhY2suZXhhbXBsZS5jb20iLCJjYWxsYmFja0JvZHkiOiJidWNrZXQ9JHtidWNrZXR9Jm9iamVjdD0ke29i"
            + "amVjdH0mZXRhZz0ke2V0YWd9JnNpemU9JHtzaXplfSZtaW1lVHlwZT0ke21pbWVUeXBlfSZjcmM2ND0ke2NyYzY0fSZ1aWQ9JHt4OnVpZH0i"
            + "LCJjYWxsYmFja0JvZHlUeXBlIjoiYXBwbGljYXRpb24veC13d3ctZm9ybS11cmxlbmNvZGVkIn0=";
    private static final Instant NOW = Instant.ofEpochSecond(1705307400);
    private static final String V4_CREDENTIAL =
            "OSS4-HMAC-SHA256 Credential=LTAI-test-id/20240115/cn-hangzhou/oss/aliyun_v4_request,Signature=";
    /** kSigning for secret {@code test-secret} on 20240115 in cn-hangzhou, from the SDK (oss-protocol.md §10.5). */
    private static final String SDK_SIGNING_KEY = "22473111f2520003fd57761193431bdfa6671173a47b9e3745cc60431d991915";
    /** The SDK writes {@code {"x:uid":"42" }}; ossflux writes the same variable without the space. */
    private static final String SDK_CALLBACK_VAR = "eyJ4OnVpZCI6IjQyIiB9";

    private MockOss oss = new MockOss(MockOss.defaults().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

    @AfterEach
    void close() {
        oss.close();
    }

    private static Callback sdkCallback() {
        return Callback.builder("http://callback.example.com:8080/oss/cb?src=oss",
                        "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}"
                                + "&crc64=${crc64}&uid=${x:uid}")
                .host("callback.example.com")
                .variable("x:uid", "42")
                .build();
    }

    @Test
    void sendsExactlyTheSignedRequestOfAPutWithCallback() {
        oss.enqueue(MockOss.ok(ETAG, CRC).setHeader("Content-Type", "application/json").body("{\"Status\":\"OK\"}")
                .build());
        PutObjectRequest request = PutObjectRequest.builder(MockOss.BUCKET, KEY).callback(sdkCallback()).build();

        StepVerifier.create(oss.client.putObject(request, UploadBody.fromString(BODY)))
                .assertNext(result -> {
                    assertThat(result.etag()).isEqualTo(ETAG);
                    assertThat(result.crc64Text()).isEqualTo("2838902930144391966");
                    assertThat(result.size()).isEqualTo(10);
                    assertThat(result.requestId()).isEqualTo("5C06A3B67B8B5A3DA422299D");
                    assertThat(result.callbackReply().orElseThrow().text()).isEqualTo("{\"Status\":\"OK\"}");
                    assertThat(result.callbackReply().orElseThrow().json()).containsEntry("Status", "OK");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        RecordedRequest sent = oss.take();
        assertThat(sent.getRequestLine()).isEqualTo("PUT /examplebucket/exampledir/exampleobject.txt HTTP/1.1");
        assertThat(sent.getHeaders().get("x-oss-callback")).isEqualTo(CB_B);
        assertThat(sent.getHeaders().get("x-oss-callback-var")).isEqualTo("eyJ4OnVpZCI6IjQyIn0=");
        assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("text/plain");
        assertThat(sent.getHeaders().get("Content-Length")).isEqualTo("10");
        assertThat(sent.getHeaders().get("Transfer-Encoding")).isNull();
        assertThat(sent.getHeaders().get("x-oss-date")).isEqualTo("20240115T083000Z");
        assertThat(sent.getHeaders().get("x-oss-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
        assertThat(sent.getBody().utf8()).isEqualTo(BODY);
        assertThat(signedPut(SDK_CALLBACK_VAR)).as("the oracle reproduces the SDK's capture C-2")
                .isEqualTo("27928e364c99361ef7509d48c2b1437a346c5fd00042fc6c7394137813444364");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo(V4_CREDENTIAL + signedPut("eyJ4OnVpZCI6IjQyIn0="));
    }

    @Test
    void signsAPutObjectAsTheOfficialSdkDoes() {
        oss.enqueue(MockOss.ok(ETAG, CRC).build());
        PutObjectRequest request = PutObjectRequest.builder(MockOss.BUCKET, KEY).contentMd5(true)
                .metadata("author", "alice").acl(ObjectAcl.PRIVATE).build();

        StepVerifier.create(oss.client.putObject(request, UploadBody.fromString(BODY))).expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.take().getHeaders().get("Authorization")).as("oss-protocol.md §10.5 V4-1")
                .isEqualTo(V4_CREDENTIAL + "cc595f575b89dd7292bfc2ffa75eef65f53831fe266a94c581523b30b173a0f0");
    }

    @Test
    void surfacesA203AsCallbackFailedWithTheStoredObject() {
        oss.enqueue(MockOss.ok(ETAG, CRC).code(203).setHeader("Content-Type", "application/xml").body(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>CallbackFailed</Code>"
                        + "<Message>Error status : 502.</Message><RequestId>5C06A3B67B8B5A3DA422299D</RequestId>"
                        + "<HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId><EC>0007-00000203</EC></Error>")
                .build());
        PutObjectRequest request = PutObjectRequest.builder(MockOss.BUCKET, KEY).callback(sdkCallback()).build();

        StepVerifier.create(oss.client.putObject(request, UploadBody.fromString(BODY)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(CallbackFailedException.class,
                        failed -> {
                            assertThat(failed.statusCode()).isEqualTo(203);
                            assertThat(failed.errorCode()).isEqualTo("CallbackFailed");
                            assertThat(failed.getMessage()).contains("Error status : 502.");
                            assertThat(failed.ec()).contains("0007-00000203");
                            assertThat(failed.result().etag()).isEqualTo(ETAG);
                            assertThat(failed.result().crc64()).isEqualTo(CRC);
                            assertThat(failed.result().callbackReply()).isEmpty();
                        }))
                .verify(Duration.ofSeconds(5));
        assertThat(oss.server.getRequestCount()).as("a 203 is never retried").isEqualTo(1);
    }

    @Test
    void retriesA503WithTheSameBytes() {
        oss.enqueue(new MockResponse.Builder().code(503).body("<Error><Code>ServiceUnavailable</Code>"
                + "<Message>Please reduce your request rate.</Message></Error>").build());
        oss.enqueue(MockOss.ok(ETAG, CRC).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY), UploadBody.fromString(BODY)))
                .assertNext(result -> assertThat(result.etag()).isEqualTo(ETAG))
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        RecordedRequest first = oss.take();
        RecordedRequest second = oss.take();
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getBody().utf8()).isEqualTo(BODY);
    }

    @Test
    void retriesAFileBodyFromItsFirstByte(@TempDir Path dir) throws IOException {
        byte[] data = new byte[300_000];
        new java.util.Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("data.bin"), data);
        long crc = dev.ossflux.core.Crc64.of(data);
        oss.enqueue(new MockResponse.Builder().code(500).build());
        oss.enqueue(MockOss.ok("ANY", crc).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, "data.bin"),
                        UploadBody.fromFile(file)))
                .assertNext(result -> assertThat(result.size()).isEqualTo(data.length))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.take().getBody().toByteArray()).isEqualTo(data);
        RecordedRequest retried = oss.take();
        assertThat(retried.getBody().toByteArray()).isEqualTo(data);
        assertThat(retried.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void retriesAfterTheServerDropsTheConnection() {
        oss.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        oss.enqueue(MockOss.ok(ETAG, CRC).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY), UploadBody.fromString(BODY)))
                .assertNext(result -> assertThat(result.crc64()).isEqualTo(CRC))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void failsWithTheIoErrorWhenTheConnectionKeepsDropping() {
        for (int i = 0; i < 3; i++) {
            oss.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        }
        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY), UploadBody.fromString(BODY)))
                .expectError(IOException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(oss.server.getRequestCount()).as("first attempt and two retries").isEqualTo(3);
    }

    @Test
    void failsWhenTheServerStaysSilentPastTheResponseTimeout() {
        oss.close();
        oss = new MockOss(MockOss.defaults().responseTimeout(Duration.ofMillis(300)).retry(Retry.backoff(0,
                Duration.ofMillis(1))));
        oss.enqueue(MockOss.ok(ETAG, CRC).headersDelay(3, java.util.concurrent.TimeUnit.SECONDS).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY), UploadBody.fromString(BODY)))
                .expectError(io.netty.handler.timeout.ReadTimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void refusesSuccessWhenTheServerCrcDiffers() {
        oss.enqueue(MockOss.ok(ETAG, CRC + 1).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY), UploadBody.fromString(BODY)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(ChecksumMismatchException.class, mismatch -> {
                            assertThat(mismatch.expected()).isEqualTo("2838902930144391966");
                            assertThat(mismatch.actual()).isEqualTo("2838902930144391967");
                            assertThat(mismatch.requestId()).contains("5C06A3B67B8B5A3DA422299D");
                        }))
                .verify(Duration.ofSeconds(5));
        assertThat(oss.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusesSuccessWithoutAServerCrc() {
        oss.enqueue(new MockResponse.Builder().code(200).setHeader("ETag", "\"" + ETAG + "\"").build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY), UploadBody.fromString(BODY)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(
                        ChecksumMismatchException.class, mismatch -> assertThat(mismatch.actual()).isEqualTo("none")))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void reportsOssErrorsWithCodeAndRequestIdWithoutRetrying() {
        oss.enqueue(new MockResponse.Builder().code(403).setHeader("x-oss-request-id", "65A4ED880000000000000001")
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code>"
                        + "<Message>The request signature we calculated does not match.</Message>"
                        + "<RequestId>65A4ED880000000000000001</RequestId><HostId>127.0.0.1</HostId>"
                        + "<StringToSign>PUT\n\n</StringToSign><SignatureProvided>abc</SignatureProvided>"
                        + "<EC>0002-00000040</EC></Error>").build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY), UploadBody.fromString(BODY)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(OssException.class, oss -> {
                    assertThat(oss.statusCode()).isEqualTo(403);
                    assertThat(oss.errorCode()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(oss.requestId()).contains("65A4ED880000000000000001");
                    assertThat(oss.ec()).contains("0002-00000040");
                    assertThat(oss.hostId()).contains("127.0.0.1");
                    assertThat(oss.details()).doesNotContainKeys("StringToSign", "SignatureProvided");
                    assertThat(oss.getMessage()).contains("SignatureDoesNotMatch").doesNotContain("abc");
                }))
                .verify(Duration.ofSeconds(5));
        assertThat(oss.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void correctsTheClockAfterRequestTimeTooSkewedAndRetriesOnce() {
        oss.enqueue(new MockResponse.Builder().code(403).body("<Error><Code>RequestTimeTooSkewed</Code>"
                + "<Message>The difference between the request time and the current time is too large.</Message>"
                + "<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>"
                + "<RequestTime>2024-01-15T08:30:00.000Z</RequestTime>"
                + "<ServerTime>2024-01-15T09:30:00.000Z</ServerTime></Error>").build());
        oss.enqueue(MockOss.ok(ETAG, CRC).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY), UploadBody.fromString(BODY)))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.take().getHeaders().get("x-oss-date")).isEqualTo("20240115T083000Z");
        assertThat(oss.take().getHeaders().get("x-oss-date")).isEqualTo("20240115T093000Z");
    }

    @Test
    void sendsTheRemainingBytesOfADirectBufferOnEveryAttemptWithoutMovingIt() {
        oss.enqueue(new MockResponse.Builder().code(503)
                .body("<Error><Code>ServiceUnavailable</Code></Error>").build());
        oss.enqueue(MockOss.ok(ETAG, CRC).build());
        ByteBuffer buffer = ByteBuffer.allocateDirect(64).put(("xx" + BODY + "yy").getBytes(StandardCharsets.UTF_8));
        buffer.position(2).limit(2 + BODY.length());
        PutObjectRequest request = PutObjectRequest.builder(MockOss.BUCKET, KEY).contentMd5(true).build();

        StepVerifier.create(oss.client.putObject(request, UploadBody.fromByteBuffer(buffer)))
                .assertNext(result -> assertThat(result.crc64()).isEqualTo(CRC))
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        assertThat(buffer.position()).isEqualTo(2);
        assertThat(buffer.limit()).isEqualTo(2 + BODY.length());
        for (RecordedRequest sent : List.of(oss.take(), oss.take())) {
            assertThat(sent.getBody().utf8()).isEqualTo(BODY);
            assertThat(sent.getHeaders().get("Content-MD5")).isEqualTo("eB5eJF1ptWaXm4bijSPyxw==");
        }
    }

    @Test
    void sendsTheContentMd5OfAFileSlice(@TempDir Path dir) throws IOException {
        oss.enqueue(MockOss.ok(ETAG, CRC).build());
        Path file = Files.writeString(dir.resolve("data.txt"), "xx" + BODY + "yy");
        PutObjectRequest request = PutObjectRequest.builder(MockOss.BUCKET, KEY).contentMd5(true).build();

        StepVerifier.create(oss.client.putObject(request, UploadBody.fromFile(file, 2, BODY.length())))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        RecordedRequest sent = oss.take();
        assertThat(sent.getBody().utf8()).isEqualTo(BODY);
        assertThat(sent.getHeaders().get("Content-MD5")).isEqualTo("eB5eJF1ptWaXm4bijSPyxw==");
    }

    @Test
    void sendsAReadOnlyHeapBuffer() {
        oss.enqueue(MockOss.ok(ETAG, CRC).build());
        ByteBuffer buffer = ByteBuffer.wrap(BODY.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY),
                        UploadBody.fromByteBuffer(buffer)))
                .assertNext(result -> assertThat(result.crc64()).isEqualTo(CRC))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.take().getBody().utf8()).isEqualTo(BODY);
    }

    @Test
    void sendsContentMd5WhenAsked() {
        oss.enqueue(MockOss.ok(ETAG, CRC).build());
        PutObjectRequest request = PutObjectRequest.builder(MockOss.BUCKET, "a.json").contentMd5(true)
                .metadata("Author", "alice").storageClass(StorageClass.IA).acl(ObjectAcl.PRIVATE)
                .forbidOverwrite(true).build();

        StepVerifier.create(oss.client.putObject(request, UploadBody.fromString(BODY))).expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        RecordedRequest sent = oss.take();
        assertThat(sent.getHeaders().get("Content-MD5")).isEqualTo("eB5eJF1ptWaXm4bijSPyxw==");
        assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(sent.getHeaders().get("x-oss-meta-author")).isEqualTo("alice");
        assertThat(sent.getHeaders().get("x-oss-storage-class")).isEqualTo("IA");
        assertThat(sent.getHeaders().get("x-oss-object-acl")).isEqualTo("private");
        assertThat(sent.getHeaders().get("x-oss-forbid-overwrite")).isEqualTo("true");
    }

    @Test
    void streamsAPublisherBodyOnceAndReportsProgress() {
        oss.enqueue(MockOss.ok(ETAG, CRC).build());
        List<Progress> progress = new CopyOnWriteArrayList<>();
        PutObjectRequest request = PutObjectRequest.builder(MockOss.BUCKET, KEY).progressListener(progress::add)
                .build();
        Flux<ByteBuffer> chunks = Flux.just("01234", "56789").map(s -> ByteBuffer.wrap(s.getBytes(
                StandardCharsets.US_ASCII)));

        StepVerifier.create(oss.client.putObject(request, UploadBody.fromPublisher(chunks, 10)))
                .assertNext(result -> assertThat(result.crc64()).isEqualTo(CRC))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(oss.take().getBody().utf8()).isEqualTo(BODY);
        assertThat(progress).extracting(Progress::transferredBytes).containsExactly(5L, 10L);
        assertThat(progress.get(1).fraction()).hasValue(1.0);
    }

    @Test
    void failsAPublisherThatBreaksItsDeclaredLength() {
        oss.enqueue(new MockResponse.Builder().code(200).build());
        Flux<ByteBuffer> tooShort = Flux.just(ByteBuffer.wrap(new byte[4]));
        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY),
                        UploadBody.fromPublisher(tooShort, 10)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("completed after 4 of the declared 10 bytes"))
                .verify(Duration.ofSeconds(5));

        Flux<ByteBuffer> tooLong = Flux.just(ByteBuffer.wrap(new byte[8]), ByteBuffer.wrap(new byte[8]));
        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY),
                        UploadBody.fromPublisher(tooLong, 10)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("more than the declared 10 bytes"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void sendsNothingUntilSubscribed() throws InterruptedException {
        PublisherProbe<ByteBuffer> source = PublisherProbe.of(Flux.just(ByteBuffer.wrap(BODY.getBytes(
                StandardCharsets.US_ASCII))));
        Mono<UploadResult> unsubscribed = oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, "unsubscribed"),
                UploadBody.fromPublisher(source.flux(), BODY.length()));
        oss.enqueue(MockOss.ok(ETAG, CRC).build());

        StepVerifier.create(oss.client.putObject(PutObjectRequest.of(MockOss.BUCKET, KEY), UploadBody.fromString(BODY)))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        assertThat(oss.take().getTarget()).endsWith(KEY);
        assertThat(oss.server.takeRequest(200, TimeUnit.MILLISECONDS)).as("a request nobody subscribed to").isNull();
        source.assertWasNotSubscribed();
    }

    /**
     * The V4 signature of the captured PutObject with callback (oss-protocol.md §10.7 C-2) carrying
     * {@code callbackVar}: its canonical request written out, signed with the SDK's signing key of §10.5.
     */
    private static String signedPut(String callbackVar) {
        String canonical = "PUT\n/examplebucket/exampledir/exampleobject.txt\n\ncontent-type:text/plain\n"
                + "x-oss-callback:" + CB_B + "\nx-oss-callback-var:" + callbackVar + "\n"
                + "x-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20240115T083000Z\n\n\nUNSIGNED-PAYLOAD";
        try {
            String stringToSign = "OSS4-HMAC-SHA256\n20240115T083000Z\n20240115/cn-hangzhou/oss/aliyun_v4_request\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(canonical)));
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(HexFormat.of().parseHex(SDK_SIGNING_KEY), "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(utf8(stringToSign)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
