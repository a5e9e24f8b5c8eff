package dev.ossflux.samples.webflux;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the sample itself decides, bound from {@code sample.*}; the OSS connection, the uploader and the callback
 * verifier come from {@code ossflux.*} through the ossflux Spring Boot starter. {@code application.properties}
 * maps the {@code OSS_*} environment variables onto both.
 *
 * @param bucket the bucket uploads go to ({@code OSS_BUCKET}, default {@code examplebucket})
 * @param callbackUrl the URL OSS calls back ({@code OSS_CALLBACK_URL}), which OSS must be able to reach;
 *     empty means this server's own {@code /oss/callback} on 127.0.0.1, which only the emulator can reach
 * @param maxUploadSize the largest file accepted; a longer one is answered 413 and its upload aborted
 * @param allowedContentTypes the content types an object may be stored with, as the browser sent them;
 *     any other is stored as {@code application/octet-stream}
 * @param maxDirectUploadSize the largest file a browser may upload straight to OSS ({@code POST /uploads/policy})
 * @param directUploadExpiry how long a signed upload form stays valid
 */
@ConfigurationProperties("sample")
public record SampleProperties(
        @DefaultValue("examplebucket") String bucket,
        @DefaultValue("") String callbackUrl,
        @DefaultValue("1GB") DataSize maxUploadSize,
        @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "audio/mpeg",
            "application/pdf", "application/zip", "text/plain", "text/csv"}) List<String> allowedContentTypes,
        @DefaultValue("1GB") DataSize maxDirectUploadSize,
        @DefaultValue("5m") Duration directUploadExpiry) {
}
