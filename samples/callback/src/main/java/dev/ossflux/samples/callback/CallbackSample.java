package dev.ossflux.samples.callback;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * The OSS documentation's upload-callback sample, redone as Reactor pipelines: upload a 1 MiB
 * string to {@code examplefiles/exampleobject.txt} with a form callback
 * {@code bucket=${bucket}&object=${object}}, then the same upload from a file, then a 3 MiB file
 * in 1 MiB parts through {@link MultipartUploader#uploadFile} (resumable: its checkpoint lets a
 * rerun after a crash send only the missing parts), the callback riding on the completing request.
 *
 * <p>With no {@code OSS_ENDPOINT} it runs against an embedded OSS emulator and a local callback
 * receiver that verifies OSS's signature, printing each step. With the {@code OSS_*} variables set
 * it talks to real OSS and to the callback URL in {@code OSS_CALLBACK_URL}, which OSS must be able
 * to reach.
 */
public final class CallbackSample {

    private static final String KEY = "examplefiles/exampleobject.txt";
    private static final int MIB = 1024 * 1024;

    private CallbackSample() {
    }

    public static void main(String[] args) throws Exception {
        try (SampleSetup setup = SampleSetup.fromEnvironment(System.out)) {
            run(setup, System.out);
        }
    }

    static void run(SampleSetup setup, PrintStream out) throws Exception {
        OssClient client = setup.client();
        Callback callback = Callback.builder(setup.callbackUrl(), "bucket=${bucket}&object=${object}").build();
        out.println("x-oss-callback carries " + new String(Base64.getDecoder().decode(callback.headerValue()),
                StandardCharsets.UTF_8));

        PutObjectRequest request = PutObjectRequest.builder(setup.bucket(), KEY).callback(callback).build();
        String content = "a".repeat(1024 * 1024);

        out.println("1. PutObject of a 1 MiB string to oss://" + setup.bucket() + "/" + KEY);
        report(out, client.putObject(request, UploadBody.fromString(content)));

        Path file = Files.createTempFile("exampleobject", ".txt");
        try {
            Files.writeString(file, content);
            out.println("2. The same upload from the file " + file);
            report(out, client.putObject(request, UploadBody.fromFile(file)));
        } finally {
            Files.deleteIfExists(file);
        }

        Path bigFile = Files.createTempFile("exampleobject", ".bin");
        Path checkpoints = Files.createTempDirectory("ossflux-checkpoints");
        try {
            Files.writeString(bigFile, "b".repeat(3 * MIB));
            MultipartUploader uploader = MultipartUploader.create(client, MultipartOptions.builder()
                    .partSize(MIB).multipartThreshold(MIB).checkpointDir(checkpoints).build());
            out.println("3. UploadFile (resumable multipart) of the 3 MiB file " + bigFile + " in 1 MiB parts, "
                    + "checkpoints in " + checkpoints);
            report(out, uploader.uploadFile(request, bigFile));
        } finally {
            Files.deleteIfExists(bigFile);
            try (Stream<Path> left = Files.list(checkpoints)) {
                out.println("   uploader: checkpoints left after success: " + left.count());
            }
            Files.deleteIfExists(checkpoints);
        }
        out.println("Object uploaded with callback successfully.");
    }

    private static void report(PrintStream out, Mono<UploadResult> upload) {
        UploadResult result = upload.block(Duration.ofMinutes(2));
        out.println("   uploader: stored, ETag " + result.etag() + ", CRC-64 " + result.crc64Text());
        out.println("   uploader: the callback reply OSS returned: "
                + result.callbackReply().map(reply -> reply.text()).orElse("(none)"));
    }
}
