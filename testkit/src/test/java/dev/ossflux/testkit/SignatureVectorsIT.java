package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.internal.xml.ErrorBody;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulator verifies the V1 and V4 vectors of oss-protocol.md §10.3 and §10.5 byte for byte. */
class SignatureVectorsIT {

    private static final String KEY = "exampledir/exampleobject.txt";
    private static final String DATE = "Mon, 15 Jan 2024 08:30:00 GMT";
    private static OssEmulator oss;

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket("examplebucket").credentials("LTAI-test-id", "test-secret")
                .temporaryCredentials("LTAI-sts-id", "test-secret", "test-sts-token")
                .hostName("oss-cn-hangzhou.aliyuncs.com")
                .clock(Clock.fixed(Instant.ofEpochSecond(1705307400), ZoneOffset.UTC)).start();
    }

    @AfterAll
    static void stop() {
        oss.close();
    }

    private static SignedRequests.Request v1Put(String authorization) {
        return new SignedRequests.Request("PUT", "examplebucket", KEY).unsigned().body("0123456789")
                .header("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==").header("Content-Type", "text/plain")
                .header("Date", DATE).header("x-oss-meta-author", "alice").header("X-Oss-Object-Acl", "private")
                .header("Authorization", authorization);
    }

    @Test
    void acceptsVectorV1OneAndStoresTheObject() {
        SignedRequests.Response response = SignedRequests.send(oss, v1Put("OSS LTAI-test-id:GaeR62HsdSsgccojA4x8mvnAXNw="));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("etag")).isEqualTo("\"781E5E245D69B566979B86E28D23F2C7\"");
        assertThat(response.header("x-oss-hash-crc64ecma")).isEqualTo("2838902930144391966");
        assertThat(response.header("content-md5")).isEqualTo("eB5eJF1ptWaXm4bijSPyxw==");
        assertThat(oss.object("examplebucket", KEY).orElseThrow().userMetadata()).containsEntry("author", "alice");
    }

    @Test
    void reportsTheV1StringToSignOnAMismatchAndStoresNothing() {
        SignedRequests.Response response = SignedRequests.send(oss, v1Put("OSS LTAI-test-id:AAAAR62HsdSsgccojA4x8mvnAXNw=")
                .body("different!"));

        assertThat(response.status()).isEqualTo(403);
        ErrorBody error = response.error();
        assertThat(error.get("Code")).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.get("StringToSign")).isEqualTo("PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/plain\n" + DATE
                + "\nx-oss-meta-author:alice\nx-oss-object-acl:private\n/examplebucket/exampledir/exampleobject.txt");
        assertThat(error.get("OSSAccessKeyId")).isEqualTo("LTAI-test-id");
        assertThat(error.get("EC")).isEqualTo("0002-00000040");
        assertThat(error.get("RequestId")).isEqualTo(response.header("x-oss-request-id")).hasSize(24);
        assertThat(oss.object("examplebucket", KEY).map(StoredObject::utf8)).isNotEqualTo(java.util.Optional.of(
                "different!"));
    }

    @Test
    void acceptsVectorV4OneWithoutADateHeader() {
        SignedRequests.Response response = SignedRequests.send(oss, new SignedRequests.Request("PUT", "examplebucket",
                KEY).unsigned().body("0123456789").header("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==")
                .header("Content-Type", "text/plain").header("x-oss-meta-author", "alice")
                .header("X-Oss-Object-Acl", "private").header("x-oss-date", "20240115T083000Z")
                .header("x-oss-content-sha256", "UNSIGNED-PAYLOAD")
                .header("Authorization", "OSS4-HMAC-SHA256 Credential=LTAI-test-id/20240115/cn-hangzhou/oss/"
                        + "aliyun_v4_request, Signature=cc595f575b89dd7292bfc2ffa75eef65f53831fe266a94c581523b30b173a0f0"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    @Test
    void acceptsVectorV4EightVirtualHostedWithAdditionalHeadersAndSts() {
        SignedRequests.send(oss, v1Put("OSS LTAI-test-id:GaeR62HsdSsgccojA4x8mvnAXNw="));
        SignedRequests.Response response = SignedRequests.send(oss, new SignedRequests.Request("GET", "examplebucket",
                KEY).unsigned().virtualHost("examplebucket.oss-cn-hangzhou.aliyuncs.com").header("Range", "bytes=0-99")
                .header("x-oss-date", "20240115T083000Z").header("x-oss-content-sha256", "UNSIGNED-PAYLOAD")
                .header("Authorization", "OSS4-HMAC-SHA256 Credential=LTAI-test-id/20240115/cn-hangzhou/oss/"
                        + "aliyun_v4_request,AdditionalHeaders=host;range,"
                        + "Signature=c310c36552c6f0138f5be6ab92bc8fcf27d849a024442a9b0c9ec15dcb6747f0"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("0123456789");

        SignedRequests.Response sts = SignedRequests.send(oss, new SignedRequests.Request("GET", "examplebucket", KEY)
                .unsigned().header("Range", "bytes=0-99").header("Date", DATE)
                .header("x-oss-security-token", "test-sts-token")
                .header("Authorization", "OSS LTAI-sts-id:" + v1Signature("GET\n\n\n" + DATE
                        + "\nx-oss-security-token:test-sts-token\n/examplebucket/" + KEY)));
        assertThat(sts.status()).as(sts.text()).isEqualTo(200);
    }

    @Test
    void verifiesV1AgainstTheDecodedKey() {
        SignedRequests.Response response = SignedRequests.send(oss, new SignedRequests.Request("HEAD", "examplebucket",
                "dir/测试 file+1~.txt").unsigned().header("Date", DATE)
                .header("Authorization", "OSS LTAI-test-id:ehO9Y3Zk3t04Vnteq6EWQDZi6AI="));

        assertThat(response.status()).isEqualTo(404);
        assertThat(ErrorBody.parse(java.util.Base64.getDecoder().decode(response.header("x-oss-err"))).get("Code"))
                .isEqualTo("NoSuchKey");
        assertThat(response.header("x-oss-ec")).isEqualTo("0026-00000001");
    }

    @Test
    void rejectsASkewedClockWithServerTime() {
        SignedRequests.Response response = SignedRequests.send(oss, new SignedRequests.Request("GET", "examplebucket",
                KEY).credentials(dev.ossflux.core.auth.Credentials.of("LTAI-test-id", "test-secret"))
                .at(Instant.ofEpochSecond(1705307400 - 3600)));

        assertThat(response.status()).isEqualTo(403);
        ErrorBody error = response.error();
        assertThat(error.get("Code")).isEqualTo("RequestTimeTooSkewed");
        assertThat(error.get("MaxAllowedSkewMilliseconds")).isEqualTo("900000");
        assertThat(error.get("RequestTime")).isEqualTo("2024-01-15T07:30:00.000Z");
        assertThat(error.get("ServerTime")).isEqualTo("2024-01-15T08:30:00.000Z");
        assertThat(response.header("date")).isEqualTo(DATE);
    }

    private static String v1Signature(String stringToSign) {
        return dev.ossflux.core.internal.sign.V1Signer.signature("test-secret", stringToSign);
    }
}
