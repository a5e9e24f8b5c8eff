package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.CallbackFailedException;
import dev.ossflux.core.GetObjectRequest;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.OssException;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.SignatureVersion;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.callback.Callback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/** ossflux core's {@link OssClient} against the emulator over real sockets. */
class OssClientIT {

    private static final String BUCKET = "examplebucket";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static OssEmulator oss;
    private static CallbackReceiver receiver;

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket(BUCKET).credentials(OssEmulator.DEFAULT_ACCESS_KEY_ID,
                OssEmulator.DEFAULT_ACCESS_KEY_SECRET).temporaryCredentials("STS.tmp-id", "tmp-secret", "sts-token")
                .callbackTimeout(Duration.ofSeconds(2)).start();
        receiver = new CallbackReceiver(oss.endpoint() + "/");
    }

    @AfterAll
    static void stop() {
        receiver.close();
        oss.close();
    }

    private static OssClient client(SignatureVersion version) {
        return oss.clientBuilder().signatureVersion(version).retry(Retry.backoff(3, Duration.ofMillis(10))).build();
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void putsWithAFormCallbackAndReturnsTheReply(SignatureVersion version) throws InterruptedException {
        Callback callback = Callback.builder(receiver.url("/cb?v=" + version),
                "bucket=${bucket}&object=${object}&size=${size}&uid=${x:uid}").variable("x:uid", "42").build();
        try (OssClient client = client(version)) {
            StepVerifier.create(client.putObject(PutObjectRequest.builder(BUCKET, "form/" + version + ".txt")
                            .callback(callback).build(), UploadBody.fromString("0123456789")))
                    .assertNext(result -> {
                        assertThat(result.etag()).isEqualTo("781E5E245D69B566979B86E28D23F2C7");
                        assertThat(result.crc64Text()).isEqualTo("2838902930144391966");
                        assertThat(result.callbackReply().orElseThrow().text()).isEqualTo("{\"Status\":\"OK\"}");
                    })
                    .expectComplete()
                    .verify(WAIT);
        }
        CallbackReceiver.Call call = receiver.take();
        assertThat(call.signatureValid()).isTrue();
        assertThat(call.body()).isEqualTo("bucket=examplebucket&object=form%2F" + version + ".txt&size=10&uid=42");
    }

    @Test
    void putsWithAJsonCallbackAndCustomVariables() throws InterruptedException {
        Callback callback = Callback.builder(receiver.url("/json"), "{\"key\":${object},\"size\":${size},\"uid\":${x:uid}}")
                .bodyType(Callback.BodyType.JSON).variable("x:uid", "u-7").build();
        try (OssClient client = client(SignatureVersion.V4)) {
            StepVerifier.create(client.putObject(PutObjectRequest.builder(BUCKET, "json.txt").callback(callback)
                            .build(), UploadBody.fromString("hello")))
                    .assertNext(result -> assertThat(result.callbackReply().orElseThrow().json())
                            .containsEntry("Status", "OK"))
                    .expectComplete()
                    .verify(WAIT);
        }
        assertThat(receiver.take().body()).isEqualTo("{\"key\":\"json.txt\",\"size\":5,\"uid\":\"u-7\"}");
    }

    @Test
    void surfacesAFailedCallbackAsCallbackFailedExceptionWithTheStoredObject() {
        oss.inject(Fault.callbackStatus(500));
        Callback callback = Callback.builder(receiver.url("/never"), "object=${object}").build();
        try (OssClient client = client(SignatureVersion.V4)) {
            StepVerifier.create(client.putObject(PutObjectRequest.builder(BUCKET, "photos/cat.png").callback(callback)
                            .build(), UploadBody.fromString("meow")))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CallbackFailedException.class,
                            failed -> {
                                assertThat(failed.statusCode()).isEqualTo(203);
                                assertThat(failed.result().key()).isEqualTo("photos/cat.png");
                                assertThat(failed.result().etag()).isEqualTo(oss.object(BUCKET, "photos/cat.png")
                                        .orElseThrow().etag());
                            }))
                    .verify(WAIT);
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void getsRangesHeadsAndDeletes(SignatureVersion version) {
        String key = "range/" + version + " ü.bin";
        try (OssClient client = client(version)) {
            StepVerifier.create(client.putObject(PutObjectRequest.builder(BUCKET, key).metadata("owner", "bob")
                            .contentType("application/x-test").build(), UploadBody.fromString("abcdefghij")))
                    .expectNextCount(1).expectComplete().verify(WAIT);
            StepVerifier.create(client.getObject(GetObjectRequest.of(BUCKET, key).withRange(2, 4))
                            .flatMap(content -> content.bytes()))
                    .assertNext(bytes -> assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("cde"))
                    .expectComplete().verify(WAIT);
            StepVerifier.create(client.getObject(GetObjectRequest.of(BUCKET, key).from(7))
                            .flatMap(content -> content.bytes()))
                    .assertNext(bytes -> assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("hij"))
                    .expectComplete().verify(WAIT);
            StepVerifier.create(client.headObject(BUCKET, key))
                    .assertNext(meta -> {
                        assertThat(meta.contentLength()).isEqualTo(10);
                        assertThat(meta.contentType()).isEqualTo("application/x-test");
                        assertThat(meta.userMetadata()).containsEntry("owner", "bob");
                        assertThat(meta.objectType()).contains("Normal");
                    })
                    .expectComplete().verify(WAIT);
            StepVerifier.create(client.deleteObject(BUCKET, key)).expectComplete().verify(WAIT);
            StepVerifier.create(client.headObject(BUCKET, key))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(OssException.class,
                            oe -> assertThat(oe.errorCode()).isEqualTo("NoSuchKey")))
                    .verify(WAIT);
        }
    }

    @Test
    void signsWithAnStsToken() {
        Credentials sts = Credentials.temporary("STS.tmp-id", "tmp-secret", "sts-token",
                Instant.now().plus(Duration.ofHours(1)));
        try (OssClient client = oss.clientBuilder().credentials(CredentialsProvider.of(sts)).build()) {
            StepVerifier.create(client.putObject(PutObjectRequest.of(BUCKET, "sts.txt"), UploadBody.fromString("t")))
                    .expectNextCount(1).expectComplete().verify(WAIT);
        }
        Credentials wrongToken = Credentials.temporary("STS.tmp-id", "tmp-secret", "other-token",
                Instant.now().plus(Duration.ofHours(1)));
        try (OssClient client = oss.clientBuilder().credentials(CredentialsProvider.of(wrongToken)).build()) {
            StepVerifier.create(client.putObject(PutObjectRequest.of(BUCKET, "sts2.txt"), UploadBody.fromString("t")))
                    .expectErrorSatisfies(e -> assertThat(((OssException) e).errorCode())
                            .isEqualTo("InvalidSecurityToken"))
                    .verify(WAIT);
        }
    }

    @Test
    void runsAMultipartUploadWithListingAbortAndACallbackOnComplete() throws InterruptedException {
        byte[] data = MultipartInteropIT.vector(1024 * 1024);
        Callback callback = Callback.builder(receiver.url("/complete"), "object=${object}&size=${size}&crc=${crc64}")
                .build();
        try (OssClient client = client(SignatureVersion.V4)) {
            MultipartUpload abandoned = client.initiateMultipartUpload(PutObjectRequest.of(BUCKET, "mp/abandoned"))
                    .block(WAIT);
            MultipartUpload upload = client.initiateMultipartUpload(PutObjectRequest.of(BUCKET, "mp/big.bin"))
                    .block(WAIT);
            List<UploadedPart> parts = Flux.range(0, 3)
                    .concatMap(i -> client.uploadPart(upload, i + 1, UploadBody.fromBytes(
                            Arrays.copyOfRange(data, i * 409600, Math.min(data.length, (i + 1) * 409600)))))
                    .collectList().block(WAIT);
            StepVerifier.create(client.listParts(upload).map(UploadedPart::partNumber))
                    .expectNext(1, 2, 3).expectComplete().verify(WAIT);
            StepVerifier.create(client.listMultipartUploads(BUCKET, "mp/").map(MultipartUpload::key).collectList())
                    .assertNext(keys -> assertThat(keys).containsExactly("mp/abandoned", "mp/big.bin"))
                    .expectComplete().verify(WAIT);
            StepVerifier.create(client.abortMultipartUpload(abandoned)).expectComplete().verify(WAIT);
            StepVerifier.create(client.completeMultipartUpload(upload, parts, callback))
                    .assertNext(result -> {
                        assertThat(result.crc64Text()).isEqualTo("16028127081582314172");
                        assertThat(result.etag()).isEqualTo("2C4E4098E712844DD3F66C44D10BAB44-3");
                        assertThat(result.callbackReply()).isPresent();
                    })
                    .expectComplete().verify(WAIT);
            StepVerifier.create(client.listMultipartUploads(BUCKET, "mp/")).expectComplete().verify(WAIT);
        }
        assertThat(oss.object(BUCKET, "mp/big.bin").orElseThrow().bytes()).isEqualTo(data);
        assertThat(receiver.take().body()).isEqualTo("object=mp%2Fbig.bin&size=1048576&crc=16028127081582314172");
    }

    @Test
    void retriesAfterAnInjected503() throws InterruptedException {
        oss.inject(Operation.PUT_OBJECT, Fault.status(503, "ServiceUnavailable").times(1));
        try (OssClient client = client(SignatureVersion.V4)) {
            StepVerifier.create(client.putObject(PutObjectRequest.of(BUCKET, "retried.txt"),
                            UploadBody.fromString("again")))
                    .expectNextCount(1).expectComplete().verify(WAIT);
        }
        List<RecordedRequest> puts = new java.util.ArrayList<>();
        while (puts.size() < 2) {
            RecordedRequest r = oss.takeRequest(Duration.ofSeconds(10));
            assertThat(r).as("the PUTs of retried.txt").isNotNull();
            if (r.key().equals(java.util.Optional.of("retried.txt"))) {
                puts.add(r);
            }
        }
        assertThat(puts).extracting(RecordedRequest::status).containsExactly(503, 200);
        assertThat(puts.get(0).errorCode()).contains("ServiceUnavailable");
        assertThat(oss.object(BUCKET, "retried.txt").orElseThrow().utf8()).isEqualTo("again");
    }
}
