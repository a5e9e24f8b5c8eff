package dev.ossflux.samples.cli;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upload FILE oss://BUCKET/KEY}: a resumable multipart upload with a progress bar. */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Upload a file; rerun the same command after an interruption to resume.")
final class UploadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Parameters(index = "1", paramLabel = "oss://BUCKET/KEY")
    String target;

    @Mixin
    ClientOptions client;

    @Mixin
    TransferOptions transfer;

    @ArgGroup(exclusive = false)
    CallbackOptions callback = new CallbackOptions();

    @Override
    public Integer call() throws Exception {
        OssTarget to = OssTarget.parse(target);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a readable file");
        }
        long size = Files.size(file);
        PrintWriter out = spec.commandLine().getOut();
        try (OssClient oss = client.client();
                ProgressDisplay progress =
                        ProgressDisplay.create(file.getFileName().toString(), size, "parts", System.err)) {
            PutObjectRequest.Builder request =
                    PutObjectRequest.builder(to.bucket(), to.key()).progressListener(progress);
            callback.callback().ifPresent(request::callback);
            MultipartOptions options = transfer.options();
            CompletableFuture<UploadResult> upload = MultipartUploader.create(oss, options)
                    .uploadFile(request.build(), file).toFuture();
            Thread interrupted = new Thread(() -> {
                if (upload.cancel(true)) {
                    System.err.println("interrupted: the checkpoint in " + options.checkpointDir().orElseThrow()
                            + " is kept; run the same command again to resume");
                }
            });
            Runtime.getRuntime().addShutdownHook(interrupted);
            UploadResult result = upload.join();
            Runtime.getRuntime().removeShutdownHook(interrupted);
            progress.close();
            Results.print(out, result);
        }
        return 0;
    }
}
