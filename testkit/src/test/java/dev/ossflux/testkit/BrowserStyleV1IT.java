package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.internal.sign.V1Signer;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V1 requests as browser-style clients (ali-oss in Node and in browsers) send them: no {@code Date},
 * an RFC 1123 {@code x-oss-date} that is both the StringToSign's date line and a signed header
 * (oss-protocol.md §2, §5.1). The StringToSign is written out here by hand, not by the signer under test.
 */
class BrowserStyleV1IT {

    private static final String BUCKET = "examplebucket";
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([0-9A-F]+)</UploadId>");
    @RegisterExtension
    static final OssEmulatorExtension OSS = new OssEmulatorExtension(OssEmulator.builder().bucket(BUCKET));

    /** A request signed as ali-oss signs it: {@code x-oss-date} on the date line and among the x-oss headers. */
    private static SignedRequests.Response send(String method, String key, String rawQuery, String contentType,
            String body, Instant time) {
        String date = V1Signer.HTTP_DATE.format(time);
        String resource = "/" + BUCKET + "/" + (key == null ? "" : key)
                + (rawQuery.isEmpty() ? "" : "?" + rawQuery.replace("uploads=", "uploads"));
        String stringToSign = method + "\n\n" + contentType + "\n" + date + "\nx-oss-date:" + date + "\n" + resource;
        SignedRequests.Request request = new SignedRequests.Request(method, BUCKET, key).unsigned().body(body)
                .header("x-oss-date", date).header("Authorization", "OSS " + OssEmulator.DEFAULT_ACCESS_KEY_ID + ":"
                        + V1Signer.signature(OssEmulator.DEFAULT_ACCESS_KEY_SECRET, stringToSign));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        for (String pair : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            request.query(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
        }
        return SignedRequests.send(OSS.emulator(), request);
    }

    private static SignedRequests.Response send(String method, String key, String rawQuery, String body) {
        return send(method, key, rawQuery, "", body, Instant.now());
    }

    @Test
    void acceptsEveryObjectOperationSignedWithOnlyXOssDate() {
        assertThat(send("PUT", "browser.txt", "", "text/plain", "from a browser", Instant.now()).status())
                .isEqualTo(200);
        SignedRequests.Response get = send("GET", "browser.txt", "", "");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo("from a browser");
        assertThat(send("HEAD", "browser.txt", "", "").status()).isEqualTo(200);
        assertThat(send("DELETE", "browser.txt", "", "").status()).isEqualTo(204);
        assertThat(OSS.emulator().object(BUCKET, "browser.txt")).isEmpty();
    }

    @Test
    void acceptsEveryMultipartOperationSignedWithOnlyXOssDate() {
        String uploadId = initiate("parts.bin");
        SignedRequests.Response part = send("PUT", "parts.bin", "partNumber=1&uploadId=" + uploadId, "one part");
        assertThat(part.status()).isEqualTo(200);
        assertThat(send("GET", "parts.bin", "uploadId=" + uploadId, "").text()).contains("<PartNumber>1</PartNumber>");
        assertThat(send("GET", null, "uploads=", "").text()).contains(uploadId);
        String complete = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + part.header("etag")
                + "</ETag></Part></CompleteMultipartUpload>";
        assertThat(send("POST", "parts.bin", "uploadId=" + uploadId, "application/xml", complete, Instant.now())
                .status()).isEqualTo(200);
        assertThat(OSS.emulator().object(BUCKET, "parts.bin").orElseThrow().utf8()).isEqualTo("one part");

        String aborted = initiate("aborted.bin");
        assertThat(send("DELETE", "aborted.bin", "uploadId=" + aborted, "").status()).isEqualTo(204);
        assertThat(OSS.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
    }

    @Test
    void checksTheClockSkewOnXOssDateAndRefusesARequestWithNoDateAtAll() {
        SignedRequests.Response skewed = send("PUT", "late.txt", "", "", "x",
                Instant.now().minus(Duration.ofMinutes(20)));
        assertThat(skewed.status()).isEqualTo(403);
        assertThat(skewed.errorCode()).isEqualTo("RequestTimeTooSkewed");

        String stringToSign = "PUT\n\n\n\n/" + BUCKET + "/undated.txt";
        SignedRequests.Response undated = SignedRequests.send(OSS.emulator(), new SignedRequests.Request("PUT", BUCKET,
                "undated.txt").unsigned().body("x").header("Authorization", "OSS " + OssEmulator.DEFAULT_ACCESS_KEY_ID
                + ":" + V1Signer.signature(OssEmulator.DEFAULT_ACCESS_KEY_SECRET, stringToSign)));
        assertThat(undated.status()).isEqualTo(403);
        assertThat(undated.errorCode()).isEqualTo("AccessDenied");
        assertThat(OSS.emulator().object(BUCKET, "late.txt")).isEmpty();
        assertThat(OSS.emulator().object(BUCKET, "undated.txt")).isEmpty();
    }

    private static String initiate(String key) {
        SignedRequests.Response initiated = send("POST", key, "uploads=", "");
        assertThat(initiated.status()).isEqualTo(200);
        Matcher id = UPLOAD_ID.matcher(initiated.text());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }
}
