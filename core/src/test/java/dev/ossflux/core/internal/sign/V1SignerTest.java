package dev.ossflux.core.internal.sign;

import static dev.ossflux.core.internal.sign.SignatureVectors.CB_A;
import static dev.ossflux.core.internal.sign.SignatureVectors.NOW;
import static dev.ossflux.core.internal.sign.SignatureVectors.TEST;
import static dev.ossflux.core.internal.sign.SignatureVectors.TEST_STS;
import static dev.ossflux.core.internal.sign.SignatureVectors.UPLOAD_ID;
import static dev.ossflux.core.internal.sign.SignatureVectors.capturedPutWithCallback;
import static dev.ossflux.core.internal.sign.SignatureVectors.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.internal.sign.SignatureVectors.Request;
import org.junit.jupiter.api.Test;

class V1SignerTest {

    private static String sign(Request request, Credentials credentials) {
        new V1Signer().sign(request.input(), credentials, NOW);
        return request.signedHeaders().get("authorization");
    }

    @Test
    void reproducesTheGoSdkFixture() {
        Request request = new Request("PUT", "examplebucket", "nelson")
                .header("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==").header("Content-Type", "text/html")
                .header("x-oss-meta-author", "alice").header("x-oss-meta-magic", "abracadabra")
                .header("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT").header("Date", "Wed, 28 Dec 2022 10:27:41 GMT");
        assertThat(V1Signer.stringToSign(request.input())).isEqualTo("PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\n"
                + "Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-meta-author:alice\n"
                + "x-oss-meta-magic:abracadabra\n/examplebucket/nelson");
        assertThat(V1Signer.signature("sk", V1Signer.stringToSign(request.input())))
                .isEqualTo("kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
    }

    @Test
    void signsWithXOssDateOnTheDateLineWhenThereIsNoDate() {
        Request request = new Request("PUT", "examplebucket", "nelson")
                .header("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==").header("Content-Type", "text/html")
                .header("x-oss-meta-author", "alice").header("x-oss-meta-magic", "abracadabra")
                .header("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT");
        assertThat(V1Signer.signature("sk", V1Signer.stringToSign(request.input())))
                .isEqualTo("kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
    }

    @Test
    void signsPutObject() {
        Request request = request("PUT", "exampledir/exampleobject.txt")
                .header("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==").header("Content-Type", "text/plain")
                .header("Content-Length", "10").header("x-oss-meta-author", "alice")
                .header("X-Oss-Object-Acl", "private");
        assertThat(sign(request, TEST)).isEqualTo("OSS LTAI-test-id:GaeR62HsdSsgccojA4x8mvnAXNw=");
        assertThat(request.signedHeaders()).containsEntry("date", "Mon, 15 Jan 2024 08:30:00 GMT");
    }

    @Test
    void signsTheMultipartFamily() {
        assertThat(sign(request("POST", "big/file.bin").flag("uploads")
                .header("Content-Type", "application/octet-stream"), TEST))
                .isEqualTo("OSS LTAI-test-id:I43vJbuuwGUDLFhEEyWyZGuFloQ=");
        assertThat(sign(request("PUT", "big/file.bin").query("partNumber", "1").query("uploadId", UPLOAD_ID), TEST))
                .isEqualTo("OSS LTAI-test-id:kbrDUd6Sc37fXBx0l7G2IJqAOXs=");
        assertThat(sign(request("POST", "big/file.bin").query("uploadId", UPLOAD_ID)
                .header("Content-Type", "application/xml").header("x-oss-callback", CB_A)
                .header("x-oss-callback-var", "eyJ4OnVpZCI6IjQyIn0="), TEST))
                .isEqualTo("OSS LTAI-test-id:nNWVlXa2K543PqDYRAQ7Afjo//Y=");
        assertThat(sign(new Request("GET", "examplebucket", null).flag("uploads").query("max-uploads", "10"), TEST))
                .isEqualTo("OSS LTAI-test-id:vbTJOpqB81TZEAGn+F7cUgV9EAI=");
        assertThat(sign(request("GET", "big/file.bin").query("uploadId", UPLOAD_ID).query("max-parts", "100")
                .query("part-number-marker", "2"), TEST)).isEqualTo("OSS LTAI-test-id:nabtUY3bgz39JeqhuogoZviY+i4=");
        assertThat(sign(request("DELETE", "big/file.bin").query("uploadId", UPLOAD_ID), TEST))
                .isEqualTo("OSS LTAI-test-id:YQWqJglJNFpzPTayNSupAVOOMow=");
    }

    @Test
    void signsReadsDeletesAndTheSecurityToken() {
        Request sts = request("GET", "exampledir/exampleobject.txt").header("Range", "bytes=0-99");
        assertThat(sign(sts, TEST_STS)).isEqualTo("OSS LTAI-test-id:kfVj8RDvOtpR5GzIHHP1Kt5rE0s=");
        assertThat(sts.signedHeaders()).containsEntry("x-oss-security-token", "test-sts-token");
        assertThat(sign(request("GET", "a.txt").query("response-content-type", "text/html").query("x-unknown", "1"),
                TEST)).isEqualTo("OSS LTAI-test-id:nilQDyfevk33EONme71zF+rSx7E=");
        assertThat(sign(request("HEAD", "dir/测试 file+1~.txt"), TEST))
                .isEqualTo("OSS LTAI-test-id:ehO9Y3Zk3t04Vnteq6EWQDZi6AI=");
        assertThat(sign(request("HEAD", "missing.txt"), TEST))
                .isEqualTo("OSS LTAI-test-id:vFQmJ5jKnzhgZJSWwdKPwSA/ND4=");
        assertThat(sign(request("GET", "missing.txt").header("Range", "bytes=0-99"), TEST))
                .isEqualTo("OSS LTAI-test-id:26mfmxRssX/vL+G7fbqCqPlg/rg=");
        assertThat(sign(request("DELETE", "exampledir/exampleobject.txt"), TEST))
                .isEqualTo("OSS LTAI-test-id:kFc3ET2Iv/W6nLWwJJ5qagzLss0=");
    }

    @Test
    void signsTheCapturedPutWithCallback() {
        Request request = capturedPutWithCallback();
        assertThat(sign(request, TEST)).isEqualTo("OSS LTAI-test-id:jEp3g4k3UIsg/IMu8ULjxRSv440=");
    }

    @Test
    void signsAnEmptySubResourceValueAsTheBareName() {
        Request bare = request("POST", "big/file.bin").flag("uploads")
                .header("Content-Type", "application/octet-stream");
        Request empty = request("POST", "big/file.bin").query("uploads", "")
                .header("Content-Type", "application/octet-stream");
        assertThat(sign(empty, TEST)).isEqualTo(sign(bare, TEST));
    }
}
