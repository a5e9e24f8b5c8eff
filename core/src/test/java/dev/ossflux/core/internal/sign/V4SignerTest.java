package dev.ossflux.core.internal.sign;

import static dev.ossflux.core.internal.sign.SignatureVectors.CB_A;
import static dev.ossflux.core.internal.sign.SignatureVectors.CB_C;
import static dev.ossflux.core.internal.sign.SignatureVectors.NOW;
import static dev.ossflux.core.internal.sign.SignatureVectors.TEST;
import static dev.ossflux.core.internal.sign.SignatureVectors.TEST_STS;
import static dev.ossflux.core.internal.sign.SignatureVectors.UPLOAD_ID;
import static dev.ossflux.core.internal.sign.SignatureVectors.capturedPutWithCallback;
import static dev.ossflux.core.internal.sign.SignatureVectors.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.internal.sign.SignatureVectors.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class V4SignerTest {

    private static final String AUTH_PREFIX =
            "OSS4-HMAC-SHA256 Credential=LTAI-test-id/20240115/cn-hangzhou/oss/aliyun_v4_request,Signature=";

    private static String signature(Request request, Credentials credentials) {
        new V4Signer("cn-hangzhou").sign(request.input(), credentials, NOW);
        String authorization = request.signedHeaders().get("authorization");
        assertThat(authorization).startsWith(AUTH_PREFIX);
        return authorization.substring(AUTH_PREFIX.length());
    }

    private static String canonicalHash(Request request) {
        return Hashing.sha256Hex(V4Signer.canonicalRequest(request.input(), List.of()));
    }

    @Test
    void signsEveryValueOfARepeatedParameterInSortedOrder() {
        assertThat(V4Signer.canonicalQuery(List.of(QueryParam.of("uploadId", "B"), QueryParam.of("partNumber", "1"),
                QueryParam.of("uploadId", "A"), QueryParam.flag("uploads"))))
                .isEqualTo("partNumber=1&uploadId=A&uploadId=B&uploads");
    }

    @Test
    void derivesTheSigningKey() {
        assertThat(Hashing.hex(V4Signer.deriveSigningKey("test-secret", "20240115", "cn-hangzhou")))
                .isEqualTo("22473111f2520003fd57761193431bdfa6671173a47b9e3745cc60431d991915");
    }

    @Test
    void reproducesTheGoSdkFixture() {
        Request request = new Request("PUT", "bucket", "1234+-/123/1.txt")
                .header("x-oss-head1", "value").header("abc", "value").header("ZAbc", "value")
                .header("XYZ", "value").header("content-type", "text/plain")
                .header("x-oss-content-sha256", "UNSIGNED-PAYLOAD").header("x-oss-date", "20231216T162057Z")
                .query("param1", "value1").query("+param1", "value3").query("|param1", "value4")
                .query("+param2", "").query("|param2", "").query("param2", "");
        String canonical = V4Signer.canonicalRequest(request.input(), List.of());
        assertThat(canonical).isEqualTo("PUT\n/bucket/1234%2B-/123/1.txt\n"
                + "%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2\n"
                + "content-type:text/plain\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T162057Z\n"
                + "x-oss-head1:value\n\n\nUNSIGNED-PAYLOAD");
        String scope = V4Signer.scope("20231216", "cn-hangzhou");
        String signature = Hashing.hex(Hashing.hmacSha256(V4Signer.deriveSigningKey("sk", "20231216", "cn-hangzhou"),
                V4Signer.stringToSign("20231216T162057Z", scope, canonical)));
        assertThat(signature).isEqualTo("e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe");
    }

    @Test
    void dateStampsEachRequestWithItsOwnSecondAndDay() {
        V4Signer signer = new V4Signer("cn-hangzhou");
        List<Instant> times = List.of(NOW, NOW.plusMillis(999), NOW.plusSeconds(1), NOW.plus(Duration.ofDays(1)),
                NOW);
        List<String> stamps = times.stream().map(time -> {
            Request request = request("PUT", "exampledir/exampleobject.txt");
            signer.sign(request.input(), TEST, time);
            String authorization = request.signedHeaders().get("authorization");
            String date = request.signedHeaders().get("x-oss-date");
            assertThat(authorization).contains("/" + date.substring(0, 8) + "/");
            return date;
        }).toList();
        assertThat(stamps).containsExactly("20240115T083000Z", "20240115T083000Z", "20240115T083001Z",
                "20240116T083000Z", "20240115T083000Z");
    }

    @Test
    void signsPutObject() {
        Request request = request("PUT", "exampledir/exampleobject.txt")
                .header("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==").header("Content-Type", "text/plain")
                .header("Content-Length", "10").header("x-oss-meta-author", "alice")
                .header("X-Oss-Object-Acl", "private");
        assertThat(signature(request, TEST)).isEqualTo("cc595f575b89dd7292bfc2ffa75eef65f53831fe266a94c581523b30b173a0f0");
        assertThat(canonicalHash(request)).isEqualTo("44569ac79f3db839671541778ab745a3f5594a4c554da588385bcec8092094ec");
        assertThat(request.signedHeaders()).containsEntry("x-oss-date", "20240115T083000Z")
                .containsEntry("x-oss-content-sha256", "UNSIGNED-PAYLOAD").doesNotContainKey("date");
    }

    @Test
    void signsTheMultipartFamily() {
        assertThat(signature(request("POST", "big/file.bin").flag("uploads")
                .header("Content-Type", "application/octet-stream"), TEST))
                .isEqualTo("a947c49886c2c33ba8a2cc972e63b9f220e2a7ac41bdefe9c8942c2242a49fab");
        assertThat(signature(request("PUT", "big/file.bin").query("partNumber", "1").query("uploadId", UPLOAD_ID)
                .header("Content-Length", "102400"), TEST))
                .isEqualTo("b4faadc84ce42e294f96bf129b7894cf4e8100dd77d165dada956af45214823e");
        assertThat(signature(request("POST", "big/file.bin").query("uploadId", UPLOAD_ID)
                .header("Content-Type", "application/xml").header("x-oss-callback", CB_A)
                .header("x-oss-callback-var", "eyJ4OnVpZCI6IjQyIn0="), TEST))
                .isEqualTo("cc94df11bc6339030fa0ee051874cb130ce54f7004670d5ef34200528bc88334");
        assertThat(signature(new Request("GET", "examplebucket", null).flag("uploads").query("max-uploads", "10"),
                TEST)).isEqualTo("9242d89bde862ccb6af765ac4913f3090495fd3469da1fc77e1d9c3fba77ffe2");
    }

    @Test
    void signsReadsWithTokenAndEncodedKeys() {
        assertThat(signature(request("GET", "exampledir/exampleobject.txt").header("Range", "bytes=0-99"), TEST_STS))
                .isEqualTo("af551dca02b6dd4db5ba4d822e82eccfbe5b9f5d0eb35f6095e89961292d1c69");
        Request unicode = request("HEAD", "dir/测试 file+1~.txt");
        assertThat(signature(unicode, TEST))
                .isEqualTo("f96839b2d55583a97983f3971f6e7a77922f36a35720bd8c895c4dc3abeb576d");
        assertThat(canonicalHash(unicode))
                .isEqualTo("cf7df6f0efb8de6dcd82e36bb93248a95f842cc5f2d10b72afacbf1da38a18a7");
    }

    @Test
    void signsAdditionalHeadersWhenAsked() {
        Request request = request("GET", "exampledir/exampleobject.txt")
                .header("Host", "examplebucket.oss-cn-hangzhou.aliyuncs.com").header("Range", "bytes=0-99")
                .header("x-oss-date", "20240115T083000Z").header("x-oss-content-sha256", "UNSIGNED-PAYLOAD");
        String canonical = V4Signer.canonicalRequest(request.input(), List.of("range", "host"));
        assertThat(Hashing.sha256Hex(canonical))
                .isEqualTo("fd5b52ca4703d353c4591cb1c9e0528dd6cefe59d075c02819a7cabee0be3fbb");
    }

    @Test
    void signsTheCapturedRequestsOfTheJavaSdk() {
        Request put = capturedPutWithCallback();
        assertThat(signature(put, TEST)).isEqualTo("27928e364c99361ef7509d48c2b1437a346c5fd00042fc6c7394137813444364");
        Request complete = request("POST", "big/file.bin").query("uploadId", UPLOAD_ID)
                .header("x-oss-callback", CB_C).header("Content-Length", "339");
        assertThat(signature(complete, TEST))
                .isEqualTo("94581855ba3f1d28611e1498d2a74c68f45c7a547ad25dfb5d21fb9739148afe");
    }
}
