package dev.ossflux.samples.webflux;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where and how the sample uploads, bound from {@code ossflux.*}; {@code application.properties} maps
 * the {@code OSS_*} environment variables onto these.
 *
 * @param endpoint the OSS endpoint ({@code OSS_ENDPOINT}); empty starts the embedded emulator
 * @param region the OSS region ({@code OSS_REGION}, default {@code cn-hangzhou})
 * @param bucket the bucket uploads go to ({@code OSS_BUCKET}, default {@code examplebucket})
 * @param accessKeyId {@code OSS_ACCESS_KEY_ID}; ignored with the emulator, which has its own
 * @param accessKeySecret {@code OSS_ACCESS_KEY_SECRET}
 * @param sessionToken {@code OSS_SESSION_TOKEN} for STS credentials, or empty
 * @param callbackUrl the URL OSS calls back ({@code OSS_CALLBACK_URL}), which OSS must be able to reach;
 *     empty means this server's own {@code /oss/callback} on 127.0.0.1, which only the emulator can reach
 * @param callbackSecret the secret callbacks are bound with ({@code OSS_CALLBACK_SECRET}, at least 32 bytes, the
 *     same on every instance); empty with the emulator means a random one made at start
 * @param partSize the multipart part size; files shorter than one part go in one PutObject
 * @param concurrency parts uploaded at once per file; an upload holds at most this many parts in memory
 * @param maxUploadSize the largest file accepted; a longer one is answered 413 and its upload aborted
 * @param allowedContentTypes the content types an object may be stored with, as the browser sent them;
 *     any other is stored as {@code application/octet-stream}
 * @param maxDirectUploadSize the largest file a browser may upload straight to OSS ({@code POST /uploads/policy})
 * @param directUploadExpiry how long a signed upload form stays valid
 * @param emulatorCorsOrigins the origins whose pages may upload to the embedded emulator; empty means this
 *     server's own ({@code http://127.0.0.1:<port>} and {@code http://localhost:<port>}). Real OSS takes its
 *     CORS rules from the bucket's configuration instead
 */
@ConfigurationProperties("ossflux")
public record OssProperties(
        @DefaultValue("") String endpoint,
        @DefaultValue("cn-hangzhou") String region,
        @DefaultValue("examplebucket") String bucket,
        @DefaultValue("") String accessKeyId,
        @DefaultValue("") String accessKeySecret,
        @DefaultValue("") String sessionToken,
        @DefaultValue("") String callbackUrl,
        @DefaultValue("") String callbackSecret,
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("4") int concurrency,
        @DefaultValue("1GB") DataSize maxUploadSize,
        @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "audio/mpeg",
            "application/pdf", "application/zip", "text/plain", "text/csv"}) List<String> allowedContentTypes,
        @DefaultValue("1GB") DataSize maxDirectUploadSize,
        @DefaultValue("5m") Duration directUploadExpiry,
        @DefaultValue({}) List<String> emulatorCorsOrigins) {

    /** Whether to start the embedded emulator instead of talking to OSS. */
    public boolean useEmulator() {
        return endpoint.isBlank();
    }

    @Override
    public String toString() {
        return "OssProperties[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket
                + ", accessKeyId=" + accessKeyId + ", accessKeySecret=<redacted>, sessionToken=<redacted>"
                + ", callbackUrl=" + callbackUrl + ", callbackSecret=<redacted>, partSize=" + partSize
                + ", concurrency=" + concurrency + ", maxUploadSize=" + maxUploadSize + ", allowedContentTypes="
                + allowedContentTypes + ", maxDirectUploadSize=" + maxDirectUploadSize + ", directUploadExpiry="
                + directUploadExpiry + ", emulatorCorsOrigins=" + emulatorCorsOrigins + "]";
    }
}
