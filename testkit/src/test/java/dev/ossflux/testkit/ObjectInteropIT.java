package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ObjectInteropIT {

    private static final String BUCKET = "examplebucket";
    private static OssEmulator oss;

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket(BUCKET).start();
    }

    @AfterAll
    static void stop() {
        oss.close();
    }

    enum Version { V1, V4 }

    private static OSS sdk(Version version) {
        return Sdk.client(oss, version == Version.V1 ? SignVersion.V1 : SignVersion.V4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain.txt", "dir/with space/file name.txt", "unicode/测试 file+1~.txt", "a/b/c/d.bin",
        "quote'\"and&amp;.txt"})
    void roundTripsKeysWithSpacesUnicodeAndSlashesInBothSignatureVersions(String key) throws IOException {
        for (Version version : Version.values()) {
            OSS client = sdk(version);
            try {
                byte[] body = ("content of " + key + " via " + version).getBytes(StandardCharsets.UTF_8);
                PutObjectResult put = client.putObject(BUCKET, key, new ByteArrayInputStream(body));
                assertThat(put.getETag()).isEqualTo(oss.object(BUCKET, key).orElseThrow().etag());
                try (OSSObject object = client.getObject(BUCKET, key)) {
                    assertThat(read(object.getObjectContent())).isEqualTo(body);
                }
                assertThat(client.doesObjectExist(BUCKET, key)).isTrue();
                client.deleteObject(BUCKET, key);
                assertThat(client.doesObjectExist(BUCKET, key)).isFalse();
            } finally {
                client.shutdown();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void keepsMetadataAndContentTypeAndServesRanges(Version version) throws IOException {
        OSS client = sdk(version);
        try {
            ObjectMetadata metadata = new ObjectMetadata();
            metadata.setContentType("text/csv");
            metadata.addUserMetadata("author", "alice");
            metadata.setCacheControl("no-cache");
            byte[] body = "0123456789".getBytes(StandardCharsets.US_ASCII);
            client.putObject(BUCKET, "meta.csv", new ByteArrayInputStream(body), metadata);

            ObjectMetadata head = client.getObjectMetadata(BUCKET, "meta.csv");
            assertThat(head.getContentType()).isEqualTo("text/csv");
            assertThat(head.getUserMetadata()).containsEntry("author", "alice");
            assertThat(head.getCacheControl()).isEqualTo("no-cache");
            assertThat(head.getContentLength()).isEqualTo(10);
            assertThat(head.getETag()).isEqualTo("781E5E245D69B566979B86E28D23F2C7");
            assertThat(head.getServerCRC()).isEqualTo(Long.parseUnsignedLong("2838902930144391966"));
            assertThat(head.getObjectType()).isEqualTo("Normal");

            GetObjectRequest range = new GetObjectRequest(BUCKET, "meta.csv");
            range.setRange(2, 5);
            try (OSSObject object = client.getObject(range)) {
                assertThat(new String(read(object.getObjectContent()), StandardCharsets.US_ASCII)).isEqualTo("2345");
                assertThat(object.getObjectMetadata().getContentType()).isEqualTo("text/csv");
            }
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void reportsMissingKeysAsNoSuchKeyOnGetAndHead(Version version) {
        OSS client = sdk(version);
        try {
            assertThatThrownBy(() -> client.getObject(BUCKET, "missing.txt"))
                    .isInstanceOfSatisfying(OSSException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("NoSuchKey");
                        assertThat(e.getRequestId()).hasSize(24);
                    });
            assertThatThrownBy(() -> client.getObjectMetadata(BUCKET, "missing.txt"))
                    .isInstanceOfSatisfying(OSSException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchKey"));
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void rejectsAWrongSecretWithSignatureDoesNotMatchAndStoresNothing(Version version) {
        OSS client = Sdk.client(oss, version == Version.V1 ? SignVersion.V1 : SignVersion.V4,
                OssEmulator.DEFAULT_ACCESS_KEY_ID, "wrong-secret");
        try {
            assertThatThrownBy(() -> client.putObject(BUCKET, "forged.txt", new ByteArrayInputStream(new byte[10])))
                    .isInstanceOfSatisfying(OSSException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.getErrorFields()).containsKeys("StringToSign", "SignatureProvided");
                    });
            assertThat(oss.object(BUCKET, "forged.txt")).isEmpty();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void rejectsAnUnknownAccessKeyWithInvalidAccessKeyId() {
        OSS client = Sdk.client(oss, SignVersion.V4, "nobody", "secret");
        try {
            assertThatThrownBy(() -> client.putObject(BUCKET, "x.txt", new ByteArrayInputStream(new byte[1])))
                    .isInstanceOfSatisfying(OSSException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("InvalidAccessKeyId"));
        } finally {
            client.shutdown();
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
