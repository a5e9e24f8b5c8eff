package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.MultipartUploadListing;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartListing;
import com.aliyun.oss.model.UploadFileRequest;
import com.aliyun.oss.model.UploadFileResult;
import com.aliyun.oss.model.UploadPartRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartInteropIT {

    private static final String BUCKET = "examplebucket";
    private static final int PART = 100 * 1024;
    private static OssEmulator oss;
    private static OSS sdk;

    @BeforeAll
    static void start() {
        oss = OssEmulator.builder().bucket(BUCKET).start();
        sdk = Sdk.client(oss, SignVersion.V4);
    }

    @AfterAll
    static void stop() {
        sdk.shutdown();
        oss.close();
    }

    /** The 1 MiB vector of the protocol doc: byte i = i mod 251. */
    static byte[] vector(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    @Test
    void resumableUploadFileWithThreeThreadsCheckpointAndCallbackStoresTheObject(@TempDir Path dir) throws Throwable {
        try (CallbackReceiver receiver = new CallbackReceiver(oss.endpoint() + "/")) {
            byte[] data = vector(1024 * 1024);
            Path file = dir.resolve("big.bin");
            Files.write(file, data);
            Callback callback = new Callback();
            callback.setCallbackUrl(receiver.url("/cb"));
            callback.setCallbackBody("{\\\"object\\\":${object},\\\"size\\\":${size},\\\"crc64\\\":${crc64}}");
            callback.setCalbackBodyType(Callback.CalbackBodyType.JSON);
            UploadFileRequest request = new UploadFileRequest(BUCKET, "big/file.bin");
            request.setUploadFile(file.toString());
            request.setPartSize(256 * 1024);
            request.setTaskNum(3);
            request.setEnableCheckpoint(true);
            request.setCheckpointFile(dir.resolve("big.ucp").toString());
            request.setCallback(callback);

            UploadFileResult result = sdk.uploadFile(request);

            assertThat(new String(result.getMultipartUploadResult().getCallbackResponseBody().readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("{\"Status\":\"OK\"}");
            StoredObject stored = oss.object(BUCKET, "big/file.bin").orElseThrow();
            assertThat(stored.bytes()).isEqualTo(data);
            assertThat(stored.crc64Text()).isEqualTo("16028127081582314172");
            assertThat(stored.objectType()).isEqualTo("Multipart");
            assertThat(stored.etag()).endsWith("-4");
            CallbackReceiver.Call call = receiver.take();
            assertThat(call.signatureValid()).isTrue();
            assertThat(call.body()).isEqualTo("{\"object\":\"big/file.bin\",\"size\":1048576,"
                    + "\"crc64\":\"16028127081582314172\"}");
            assertThat(oss.pendingMultipartUploads(BUCKET)).isEmpty();
            assertThat(dir.resolve("big.ucp")).doesNotExist();
        }
    }

    @Test
    void completesWithTheS3StyleEtagAndListsParts() {
        String id = initiate("etag.bin");
        List<PartETag> parts = new ArrayList<>();
        byte[] data = vector(1024 * 1024);
        int[][] ranges = {{0, 409600}, {409600, 819200}, {819200, 1048576}};
        for (int i = 0; i < ranges.length; i++) {
            parts.add(upload("etag.bin", id, i + 1, java.util.Arrays.copyOfRange(data, ranges[i][0], ranges[i][1])));
        }
        ListPartsRequest list = new ListPartsRequest(BUCKET, "etag.bin", id);
        list.setMaxParts(2);
        PartListing listing = sdk.listParts(list);
        assertThat(listing.getParts()).hasSize(2);
        assertThat(listing.isTruncated()).isTrue();
        assertThat(listing.getNextPartNumberMarker()).isEqualTo(2);
        assertThat(listing.getParts().get(0).getETag()).isEqualTo("722BCC3A50314AD63FFF4B096FF3A323");
        MultipartUploadListing uploads = sdk.listMultipartUploads(new ListMultipartUploadsRequest(BUCKET));
        assertThat(uploads.getMultipartUploads()).anySatisfy(u -> assertThat(u.getUploadId()).isEqualTo(id));

        var result = sdk.completeMultipartUpload(new CompleteMultipartUploadRequest(BUCKET, "etag.bin", id, parts));

        assertThat(result.getETag()).isEqualTo("2C4E4098E712844DD3F66C44D10BAB44-3");
        assertThat(result.getServerCRC()).isEqualTo(Long.parseUnsignedLong("16028127081582314172"));
    }

    @Test
    void reportsTheMultipartErrorCodes() {
        String id = initiate("errors.bin");
        PartETag small = upload("errors.bin", id, 1, new byte[10]);
        PartETag second = upload("errors.bin", id, 2, new byte[10]);

        assertThat(completeError("errors.bin", id, List.of(new PartETag(1, "0123456789ABCDEF0123456789ABCDEF"))))
                .isEqualTo("InvalidPart");
        assertThat(completeError("errors.bin", id, List.of(small, second))).isEqualTo("EntityTooSmall");
        assertThat(completeError("errors.bin", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", List.of(small)))
                .isEqualTo("NoSuchUpload");
        assertThat(oss.pendingMultipartUploads(BUCKET)).anySatisfy(u -> assertThat(u.uploadId()).isEqualTo(id));
        sdk.abortMultipartUpload(new AbortMultipartUploadRequest(BUCKET, "errors.bin", id));
        assertThat(oss.pendingMultipartUploads(BUCKET)).noneSatisfy(u -> assertThat(u.uploadId()).isEqualTo(id));
        assertThat(completeError("errors.bin", id, List.of(small))).isEqualTo("NoSuchUpload");
    }

    @Test
    void reportsInvalidPartOrderForADescendingList() throws Exception {
        String id = initiate("order.bin");
        PartETag one = upload("order.bin", id, 1, new byte[PART]);
        PartETag two = upload("order.bin", id, 2, new byte[PART]);
        // The SDK sorts part lists, so send the body by hand through the emulator's own signing rules.
        String xml = "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>\"" + two.getETag()
                + "\"</ETag></Part><Part><PartNumber>1</PartNumber><ETag>\"" + one.getETag()
                + "\"</ETag></Part></CompleteMultipartUpload>";
        assertThat(SignedRequests.send(oss, "POST", BUCKET, "order.bin", "uploadId=" + id, xml).errorCode())
                .isEqualTo("InvalidPartOrder");
    }

    private String initiate(String key) {
        return sdk.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key)).getUploadId();
    }

    private PartETag upload(String key, String id, int number, byte[] bytes) {
        UploadPartRequest request = new UploadPartRequest(BUCKET, key, id, number, new ByteArrayInputStream(bytes),
                bytes.length);
        return sdk.uploadPart(request).getPartETag();
    }

    private String completeError(String key, String id, List<PartETag> parts) {
        try {
            // The SDK sorts the list in place.
            sdk.completeMultipartUpload(new CompleteMultipartUploadRequest(BUCKET, key, id, new ArrayList<>(parts)));
        } catch (OSSException e) {
            return e.getErrorCode();
        }
        throw new AssertionError("CompleteMultipartUpload succeeded");
    }
}
