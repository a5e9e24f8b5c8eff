package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.GetObjectRequest;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadedPart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirIT {

    private static final String BUCKET = "examplebucket";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aRestartedEmulatorServesObjectsAndResumesOpenUploads(@TempDir Path dir) {
        byte[] data = MultipartInteropIT.vector(300 * 1024);
        OssEmulator.Builder builder = OssEmulator.builder().bucket(BUCKET).dataDir(dir);
        MultipartUpload upload;
        UploadedPart first;
        try (OssEmulator oss = builder.start(); OssClient client = oss.clientBuilder().build()) {
            client.putObject(PutObjectRequest.of(BUCKET, "kept/object.txt"), UploadBody.fromString("persisted"))
                    .block(WAIT);
            upload = client.initiateMultipartUpload(PutObjectRequest.builder(BUCKET, "resumed.bin")
                    .contentType("application/x-resumed").build()).block(WAIT);
            first = client.uploadPart(upload, 1, UploadBody.fromBytes(Arrays.copyOfRange(data, 0, 200 * 1024)))
                    .block(WAIT);
        }

        try (OssEmulator oss = builder.start(); OssClient client = oss.clientBuilder().build()) {
            byte[] kept = client.getObject(GetObjectRequest.of(BUCKET, "kept/object.txt"))
                    .flatMap(content -> content.bytes()).block(WAIT);
            assertThat(new String(kept, StandardCharsets.UTF_8)).isEqualTo("persisted");
            List<UploadedPart> listed = client.listParts(upload).collectList().block(WAIT);
            assertThat(listed).extracting(UploadedPart::etag).containsExactly(first.etag());

            UploadedPart second = client.uploadPart(upload, 2,
                    UploadBody.fromBytes(Arrays.copyOfRange(data, 200 * 1024, data.length))).block(WAIT);
            client.completeMultipartUpload(upload, List.of(first, second)).block(WAIT);

            StoredObject stored = oss.object(BUCKET, "resumed.bin").orElseThrow();
            assertThat(stored.bytes()).isEqualTo(data);
            assertThat(stored.contentType()).isEqualTo("application/x-resumed");
            assertThat(oss.pendingMultipartUploads(BUCKET)).isEmpty();
        }

        try (OssEmulator oss = builder.start()) {
            assertThat(oss.object(BUCKET, "resumed.bin").orElseThrow().bytes()).isEqualTo(data);
        }
    }
}
