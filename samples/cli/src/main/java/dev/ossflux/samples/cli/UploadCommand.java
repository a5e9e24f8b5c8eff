package dev.ossflux.samples.cli;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code upload FILE oss://BUCKET/KEY}: a resumable multipart upload with a progress bar. */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Upload a file; rerun the same command after an interruption to resume.")
final class UploadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Parameters(index = "1", paramLabel = "oss://BUCKET/KEY")
    String target;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    UploadOptions options;

    @ArgGroup(exclusive = false)
    CallbackOptions callback = new CallbackOptions();

    @Override
    public Integer call() throws Exception {
        OssTarget to = OssTarget.parse(target);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a readable file");
        }
        long size = Files.size(file);
        try (OssClient oss = endpoint.client();
                ProgressDisplay progress =
                        ProgressDisplay.create(file.getFileName().toString(), size, "parts", System.err)) {
            PutObjectRequest.Builder request =
                    PutObjectRequest.builder(to.bucket(), to.key()).progressListener(progress);
            callback.callback().ifPresent(request::callback);
            MultipartOptions multipart = options.multipart();
            CompletableFuture<UploadResult> upload = MultipartUploader.create(oss, multipart)
                    .uploadFile(request.build(), file).toFuture();
            Thread interrupted = new Thread(() -> {
                if (upload.cancel(true)) {
                    System.err.println("interrupted: the checkpoint in " + multipart.checkpointDir().orElseThrow()
                            + " is kept; run the same command again to resume");
                }
            });
            Runtime.getRuntime().addShutdownHook(interrupted);
            UploadResult result = upload.join();
            Runtime.getRuntime().removeShutdownHook(interrupted);
            progress.close();
            Results.print(endpoint.out(), result);
        }
        return 0;
    }
}
