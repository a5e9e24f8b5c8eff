package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.core.callback.Callback;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Bad input is refused with an error naming the problem, and nothing reaches the server. */
class BadInputTest {

    private final MockOss oss = new MockOss();

    @AfterEach
    void nothingWasSent() {
        assertThat(oss.server.getRequestCount()).as("requests that reached the server").isZero();
        oss.close();
    }

    @Test
    void refusesBadKeys() {
        refused(() -> PutObjectRequest.of("examplebucket", ""), "key: must not be empty");
        refused(() -> PutObjectRequest.of("examplebucket", "k".repeat(1024)), "1024 bytes");
        refused(() -> PutObjectRequest.of("examplebucket", "/etc/passwd"), "must not start with '/'");
        refused(() -> PutObjectRequest.of("examplebucket", "half\uD800"), "unpaired surrogate");
        signalled(oss.client.headObject("examplebucket", ""), IllegalArgumentException.class, "key");
        signalled(oss.client.deleteObject("examplebucket", "/x"), IllegalArgumentException.class, "key");
    }

    @Test
    void refusesBadLengthsAndBodies() {
        refused(() -> UploadBody.fromPublisher(Flux.empty(), -1), "length");
        refused(() -> UploadBody.fromPublisher(Flux.empty(), Long.MAX_VALUE), "length");
        refused(() -> GetObjectRequest.of("examplebucket", "k").withRange(10, 9), "range");
        signalled(oss.client.uploadPart(new MultipartUpload("examplebucket", "k", "U"), 0, UploadBody.fromString("x")),
                IllegalArgumentException.class, "partNumber");
        signalled(oss.client.uploadPart(new MultipartUpload("examplebucket", "k", "U"), 10_001,
                UploadBody.fromString("x")), IllegalArgumentException.class, "partNumber");
        signalled(oss.client.completeMultipartUpload(new MultipartUpload("examplebucket", "k", "U"), List.of()),
                IllegalArgumentException.class, "at least one part");
        signalled(oss.client.putObject(PutObjectRequest.builder("examplebucket", "k").contentMd5(true).build(),
                UploadBody.fromPublisher(Flux.just(ByteBuffer.allocate(1)), 1)), IllegalArgumentException.class,
                "contentMd5");
    }

    @Test
    void refusesBadCallbacks() {
        refused(() -> Callback.builder("http://a.example.com", "b").variable("uid", "1"), "must start with 'x:'");
        refused(() -> Callback.builder("", "b").build(), "callbackUrl");
        refused(() -> Callback.builder("http://1", "b").url("http://2").url("http://3").url("http://4").url("http://5")
                .url("http://6").build(), "at most 5 URLs");
        refused(() -> Callback.builder("http://a", "b").variable("x:v", "v".repeat(5000)).build(), "5120 bytes");
        refused(() -> Callback.builder("http://a", "b=${x:v").build(), "not closed");
    }

    @Test
    void signalsNullsNamingTheArgument() {
        signalled(oss.client.putObject(null, UploadBody.fromString("x")), NullPointerException.class, "request");
        signalled(oss.client.putObject(PutObjectRequest.of("examplebucket", "k"), null), NullPointerException.class,
                "body");
        signalled(oss.client.getObject(null), NullPointerException.class, "request");
        signalled(oss.client.headObject(null, "k"), NullPointerException.class, "bucket");
        signalled(oss.client.initiateMultipartUpload(null), NullPointerException.class, "request");
        signalled(oss.client.abortMultipartUpload(null), NullPointerException.class, "upload");
        signalled(oss.client.listParts(null).then(), NullPointerException.class, "upload");
        refused(() -> PutObjectRequest.builder("examplebucket", "k").metadata(null, "v"), "metadata name");
        refused(() -> UploadBody.fromBytes(null), "bytes");
    }

    private static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                .hasMessageContaining(message);
    }

    private static void signalled(Mono<?> call, Class<? extends Throwable> type, String message) {
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(type).hasMessageContaining(message))
                .verify(Duration.ofSeconds(5));
    }
}
