package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PutObjectRequestTest {

    @Test
    void acceptsKeysOssAccepts() {
        assertThat(PutObjectRequest.of("examplebucket", "dir/测试 file+1~.txt").key()).isEqualTo("dir/测试 file+1~.txt");
        assertThat(PutObjectRequest.of("a-1", "k".repeat(1023)).key()).hasSize(1023);
        assertThat(PutObjectRequest.of("abc", "emoji-\uD83D\uDE00").key()).endsWith("\uD83D\uDE00");
    }

    @Test
    void rejectsBadKeysNamingTheProblem() {
        assertInvalid(() -> PutObjectRequest.of("examplebucket", ""), "key: must not be empty");
        assertInvalid(() -> PutObjectRequest.of("examplebucket", "/leading"), "key: must not start with '/'");
        assertInvalid(() -> PutObjectRequest.of("examplebucket", "\\leading"), "must not start with");
        assertInvalid(() -> PutObjectRequest.of("examplebucket", "k".repeat(1024)), "1024 bytes in UTF-8");
        assertInvalid(() -> PutObjectRequest.of("examplebucket", "测".repeat(342)), "1026 bytes");
        assertInvalid(() -> PutObjectRequest.of("examplebucket", "bad\uD83D"), "unpaired surrogate at index 3");
        assertInvalid(() -> PutObjectRequest.of("examplebucket", "\uDE00bad"), "unpaired surrogate at index 0");
        assertThatThrownBy(() -> PutObjectRequest.of("examplebucket", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("key");
    }

    @Test
    void rejectsBadBucketNames() {
        for (String bucket : new String[] {"ab", "Upper", "-lead", "trail-", "under_score", "x".repeat(64)}) {
            assertInvalid(() -> PutObjectRequest.of(bucket, "k"), "bucket: '" + bucket + "'");
        }
    }

    @Test
    void rejectsMetadataOssCannotCarry() {
        assertInvalid(() -> PutObjectRequest.builder("abc", "k").metadata("bad name", "v").build(), "metadata");
        assertInvalid(() -> PutObjectRequest.builder("abc", "k").metadata("n", "caf\u00e9").build(), "printable ASCII");
        assertInvalid(() -> PutObjectRequest.builder("abc", "k").metadata("n", "v".repeat(9000)).build(), "8192");
        assertThat(PutObjectRequest.builder("abc", "k").metadata("Owner", "alice").build().metadata())
                .containsEntry("owner", "alice");
    }

    @Test
    void keepsEveryOptionThroughToBuilder() {
        PutObjectRequest request = PutObjectRequest.builder("abc", "k.txt").contentType("text/x-custom")
                .metadata("a", "b").contentMd5(true).storageClass(StorageClass.ARCHIVE).acl(ObjectAcl.PUBLIC_READ)
                .forbidOverwrite(true).build();
        assertThat(request.toBuilder().build()).isEqualTo(request);
    }

    @Test
    void guessesContentTypesFromTheKey() {
        assertThat(MediaTypes.guess("photos/cat.PNG")).isEqualTo("image/png");
        assertThat(MediaTypes.guess("data.json")).isEqualTo("application/json");
        assertThat(MediaTypes.guess("notes.txt")).isEqualTo("text/plain");
        assertThat(MediaTypes.guess("dir.v2/no-extension")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.guess("trailing.")).isEqualTo("application/octet-stream");
    }

    @Test
    void rejectsBadRangesAndLengths() {
        assertInvalid(() -> GetObjectRequest.of("abc", "k").withRange(5, 4), "range");
        assertInvalid(() -> GetObjectRequest.of("abc", "k").from(-1), "range");
        assertInvalid(() -> UploadBody.fromPublisher(reactor.core.publisher.Flux.empty(), -1), "length");
        assertInvalid(() -> UploadBody.fromPublisher(reactor.core.publisher.Flux.empty(), 6L << 30), "length");
        assertThat(GetObjectRequest.of("abc", "k").withRange(0, 99).range().orElseThrow().headerValue())
                .isEqualTo("bytes=0-99");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
