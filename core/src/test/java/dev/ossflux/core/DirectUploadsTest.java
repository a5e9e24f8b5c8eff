package dev.ossflux.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossflux.core.PolicyDocument.Condition;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.sign.PostSignature;
import dev.ossflux.core.internal.sign.Presigner;
import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.core.internal.sign.SigningInput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** POST policies and presigned URLs against the official SDK's vectors (oss-protocol.md §10.4, §10.6, §10.10). */
class DirectUploadsTest {

    private static final Instant NOW = Instant.ofEpochSecond(1705307400);
    private static final Credentials STS = Credentials.temporary("LTAI-test-id", "test-secret", "test-sts-token",
            Instant.parse("2030-01-01T00:00:00Z"));
    private static final String CB_A = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9leGFtcGxlLmNvbS9jYWxsYmFjayIsImNhbGxiYWNrQm9keSI6"
            + "ImJ1Y2tldD0ke2J1Y2tldH0mb2JqZWN0PSR7b2JqZWN0fSJ9";
    private static final String KEY = "exampledir/exampleobject.txt";

    private static OssClient client(SignatureVersion version, CredentialsProvider credentials) {
        return OssClient.builder().endpoint("https://oss-cn-hangzhou.aliyuncs.com").region("cn-hangzhou")
                .signatureVersion(version).credentials(credentials).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static OssClient client(SignatureVersion version) {
        return client(version, CredentialsProvider.of("LTAI-test-id", "test-secret"));
    }

    @Test
    void writesAndSignsTheV1PolicyOfTheOfficialSdk() {
        PolicyDocument policy = new PolicyDocument(Instant.parse("2024-01-15T09:30:00Z"), List.of(
                new Condition.LengthRange(0, 10485760), new Condition.Match(true, "key", "uploads/")));

        assertThat(new String(policy.json(), StandardCharsets.UTF_8)).isEqualTo("{\"expiration\":\"2024-01-15T09:30:00"
                + ".000Z\",\"conditions\":[[\"content-length-range\",0,10485760],[\"starts-with\",\"$key\","
                + "\"uploads\\/\"]]}");
        assertThat(policy.base64()).isEqualTo("eyJleHBpcmF0aW9uIjoiMjAyNC0wMS0xNVQwOTozMDowMC4wMDBaIiwiY29uZGl0aW9ucyI6"
                + "W1siY29udGVudC1sZW5ndGgtcmFuZ2UiLDAsMTA0ODU3NjBdLFsic3RhcnRzLXdpdGgiLCIka2V5IiwidXBsb2Fkc1wvIl1dfQ==");
        assertThat(PostSignature.v1("test-secret", policy.base64())).isEqualTo("Q+FWFF17YryIMyzwmdVnvqjA5Kk=");
    }

    @Test
    void signsAV1FormWithItsFieldsInOrder() {
        PostPolicy policy = PostPolicy.builder("examplebucket").keyPrefix("uploads/").expiresIn(Duration.ofHours(1))
                .contentLengthRange(0, 10485760).build();
        StepVerifier.create(client(SignatureVersion.V1).signPostPolicy(policy))
                .assertNext(form -> {
                    assertThat(form.url()).isEqualTo("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/");
                    assertThat(form.fields().keySet()).containsExactly("key", "policy", "OSSAccessKeyId", "Signature");
                    assertThat(form.fields()).containsEntry("key", "uploads/${filename}");
                    assertThat(decoded(form.fields().get("policy"))).isEqualTo("{\"expiration\":\"2024-01-15T09:30:00"
                            + ".000Z\",\"conditions\":[{\"bucket\":\"examplebucket\"},[\"starts-with\",\"$key\","
                            + "\"uploads\\/\"],[\"content-length-range\",0,10485760]]}");
                    assertThat(form.fields().get("Signature"))
                            .isEqualTo(hmacSha1Base64("test-secret", form.fields().get("policy")));
                    assertThat(form.expiration()).isEqualTo(Instant.parse("2024-01-15T09:30:00Z"));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void signsAV4FormWhosePolicyPinsTheV4FieldsTheCallbackAndItsVariables() {
        Callback callback = Callback.builder("https://app.example.com/cb", "object=${object}&uid=${x:uid}")
                .variable("x:uid", "42").build();
        PostPolicy policy = PostPolicy.builder("examplebucket").key("uploads/a.jpg").expiresIn(Duration.ofMinutes(10))
                .contentLengthRange(1, 1024).contentType("image/jpeg").successActionStatus(201)
                .metadata("owner", "alice").field("Cache-Control", "no-cache").callback(callback).build();
        StepVerifier.create(client(SignatureVersion.V4, CredentialsProvider.of(STS))
                        .signPostPolicy(policy))
                .assertNext(form -> {
                    Map<String, String> fields = form.fields();
                    assertThat(fields.keySet()).containsExactly("key", "policy", "x-oss-signature-version",
                            "x-oss-credential", "x-oss-date", "x-oss-security-token", "x-oss-signature",
                            "Content-Type", "success_action_status", "x-oss-meta-owner", "Cache-Control", "callback",
                            "x:uid");
                    assertThat(fields).containsEntry("x-oss-credential",
                                    "LTAI-test-id/20240115/cn-hangzhou/oss/aliyun_v4_request")
                            .containsEntry("x-oss-date", "20240115T083000Z").containsEntry("x:uid", "42");
                    String document = decoded(fields.get("policy"));
                    assertThat(document).startsWith("{\"expiration\":\"2024-01-15T08:40:00.000Z\",\"conditions\":["
                                    + "{\"bucket\":\"examplebucket\"},[\"eq\",\"$key\",\"uploads\\/a.jpg\"],"
                                    + "[\"content-length-range\",1,1024],[\"eq\",\"$content-type\",\"image\\/jpeg\"],"
                                    + "[\"eq\",\"$success_action_status\",\"201\"],"
                                    + "[\"eq\",\"$x-oss-meta-owner\",\"alice\"],[\"eq\",\"$cache-control\",\"no-cache\"],")
                            .contains("[\"eq\",\"$callback\",\"" + callback.headerValue() + "\"]",
                                    "[\"eq\",\"$x:uid\",\"42\"]",
                                    "{\"x-oss-signature-version\":\"OSS4-HMAC-SHA256\"}",
                                    "{\"x-oss-credential\":\"LTAI-test-id\\/20240115\\/cn-hangzhou\\/oss\\/aliyun_v4_request\"}",
                                    "{\"x-oss-date\":\"20240115T083000Z\"}",
                                    "{\"x-oss-security-token\":\"test-sts-token\"}");
                    assertThat(fields.get("x-oss-signature")).isEqualTo(v4Oracle(fields.get("policy")));
                    assertThat(form.toString()).doesNotContain("test-sts-token", fields.get("x-oss-signature"));
                    assertThat(form.toJson()).startsWith("{\"url\":\"https://examplebucket.oss-cn-hangzhou"
                            + ".aliyuncs.com/\",\"fields\":{\"key\":\"uploads/a.jpg\",\"policy\":");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void refusesPoliciesThatOssWouldRefuseOrThatOpenTheBucketTooWide() {
        Callback callback = Callback.builder("https://app.example.com/cb", "object=${object}").build();
        assertThatThrownBy(() -> PostPolicy.builder("examplebucket").keyPrefix("").callback(callback)
                .expiresIn(Duration.ofMinutes(1)).build()).hasMessageStartingWith("keyPrefix:");
        assertThatThrownBy(() -> PostPolicy.builder("examplebucket").expiresIn(Duration.ofMinutes(1)).build())
                .hasMessageStartingWith("key:");
        assertThatThrownBy(() -> PostPolicy.builder("examplebucket").key("k").build())
                .hasMessageStartingWith("expiresIn:");
        assertThatThrownBy(() -> PostPolicy.builder("examplebucket").field("x-oss-tagging", "a=b"))
                .hasMessageStartingWith("field:");
        assertThatThrownBy(() -> PostPolicy.builder("examplebucket").contentLengthRange(10, 5))
                .hasMessageStartingWith("contentLengthRange:");
        assertThatThrownBy(() -> PostPolicy.builder("examplebucket").successActionStatus(302))
                .hasMessageStartingWith("successActionStatus:");

        PostPolicy past = PostPolicy.builder("examplebucket").key("k").expiresAt(NOW.minusSeconds(1)).build();
        StepVerifier.create(client(SignatureVersion.V4).signPostPolicy(past))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("expiresIn:"))
                .verify(Duration.ofSeconds(5));
        PostPolicy tooLong = PostPolicy.builder("examplebucket").key("k").expiresIn(Duration.ofDays(8)).build();
        StepVerifier.create(client(SignatureVersion.V4).signPostPolicy(tooLong))
                .expectErrorMessage("expiresIn: V4 signatures are valid for at most 7 days, got PT192H")
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(client(SignatureVersion.V1).signPostPolicy(tooLong))
                .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
    }

    @Test
    void presignsV1UrlsAsTheOfficialSdk() {
        StepVerifier.create(client(SignatureVersion.V1).presign(PresignRequest.get("examplebucket", KEY)
                        .expiresIn(Duration.ofHours(1)).build()))
                .assertNext(presigned -> assertThat(presigned.url()).isEqualTo("https://examplebucket.oss-cn-hangzhou"
                        + ".aliyuncs.com/exampledir/exampleobject.txt?OSSAccessKeyId=LTAI-test-id&Expires=1705311000"
                        + "&Signature=GbHsA3iTP3oiB0sflMhID6K%2BEns%3D"))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(client(SignatureVersion.V1, CredentialsProvider.of(STS))
                        .presign(PresignRequest.get("examplebucket", KEY).expiresIn(Duration.ofHours(1)).build()))
                .assertNext(presigned -> assertThat(presigned.url()).contains("&Signature=OfS8MHzHjSH0phjmiZR5cXhRHoM%3D",
                        "&security-token=test-sts-token"))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        List<QueryParam> put = Presigner.v1(new SigningInput("PUT", "examplebucket", KEY, List.of(
                        QueryParam.of("callback", CB_A), QueryParam.of("callback-var", "eyJ4OnVpZCI6IjQyIn0=")),
                        Map.of("content-type", "text/plain")), Credentials.of("LTAI-test-id", "test-secret"),
                Instant.ofEpochSecond(1705311000));
        assertThat(put).contains(QueryParam.of("Signature", "sM2smh820A8Qbn8UO+V7yiuCnzo="));
    }

    @Test
    void presignsV4UrlsAsTheOfficialSdk() {
        StepVerifier.create(client(SignatureVersion.V4).presign(PresignRequest.get("examplebucket", KEY)
                        .expiresIn(Duration.ofHours(1)).build()))
                .assertNext(presigned -> {
                    assertThat(presigned.url()).isEqualTo("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/"
                            + "exampledir/exampleobject.txt?x-oss-date=20240115T083000Z&x-oss-expires=3600"
                            + "&x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=LTAI-test-id%2F20240115"
                            + "%2Fcn-hangzhou%2Foss%2Faliyun_v4_request"
                            + "&x-oss-signature=047cfbac34f524af8e683b806e2f8fa0f16e27a67e1bd3ae62ff7c3ff21710aa");
                    assertThat(presigned.toString()).doesNotContain("x-oss-signature");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(client(SignatureVersion.V4, CredentialsProvider.of(STS))
                        .presign(PresignRequest.get("examplebucket", KEY).expiresIn(Duration.ofHours(1)).build()))
                .assertNext(presigned -> assertThat(presigned.url()).contains("&x-oss-security-token=test-sts-token",
                        "x-oss-signature=05dc4e1381130d45d7b03121f0ee4ae8872bdad688d9a7a888115b4343f1bbc8"))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        List<QueryParam> put = Presigner.v4(new SigningInput("PUT", "examplebucket", KEY, List.of(
                        QueryParam.of("callback", CB_A), QueryParam.of("callback-var", "eyJ4OnVpZCI6IjQyIn0=")),
                        Map.of("content-type", "text/plain")), Credentials.of("LTAI-test-id", "test-secret"),
                "cn-hangzhou", NOW, 3600);
        assertThat(put).contains(QueryParam.of("x-oss-signature",
                "f5f9556e3b2de4cc82de6af234c2237fa365a5af1c57b020257e9ecea3b46852"));
    }

    @Test
    void presignsAPutWithTheHeadersItsSenderMustUse() {
        Callback callback = Callback.builder("https://app.example.com/cb", "object=${object}").build();
        StepVerifier.create(client(SignatureVersion.V4).presign(PresignRequest.put("examplebucket", KEY)
                        .contentType("text/plain").metadata("Owner", "alice").callback(callback).build()))
                .assertNext(presigned -> {
                    assertThat(presigned.method()).isEqualTo("PUT");
                    assertThat(presigned.headers()).containsOnly(Map.entry("Content-Type", "text/plain"),
                            Map.entry("x-oss-meta-owner", "alice"));
                    assertThat(presigned.url()).contains("?callback=").contains("x-oss-expires=900");
                    assertThat(presigned.expiration()).isEqualTo(NOW.plusSeconds(900));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThatThrownBy(() -> PresignRequest.get("examplebucket", KEY).contentType("text/plain").build())
                .hasMessageContaining("apply to a PUT only");
        StepVerifier.create(client(SignatureVersion.V4).presign(PresignRequest.get("examplebucket", KEY)
                        .expiresIn(Duration.ofDays(7).plusSeconds(1)).build()))
                .expectError(IllegalArgumentException.class)
                .verify(Duration.ofSeconds(5));
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String hmacSha1Base64(String secret, String message) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), message));
    }

    /** The V4 POST signature computed here from the documentation, independently of the library's signer. */
    private static String v4Oracle(String policy) {
        byte[] key = hmac("HmacSHA256", "aliyun_v4test-secret".getBytes(StandardCharsets.UTF_8), "20240115");
        key = hmac("HmacSHA256", key, "cn-hangzhou");
        key = hmac("HmacSHA256", key, "oss");
        key = hmac("HmacSHA256", key, "aliyun_v4_request");
        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("22473111f2520003fd57761193431bdfa6671173a47b9e3745cc60431d991915");
        return HexFormat.of().formatHex(hmac("HmacSHA256", key, policy));
    }

    private static byte[] hmac(String algorithm, byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
