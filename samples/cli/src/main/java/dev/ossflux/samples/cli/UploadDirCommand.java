package dev.ossflux.samples.cli;

import dev.ossflux.core.OssClient;
import dev.ossflux.multipart.BatchOptions;
import dev.ossflux.multipart.BatchResult;
import dev.ossflux.multipart.BatchUploader;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upload-dir DIR oss://BUCKET/PREFIX}: every file of a tree, resumable, with one overall progress bar. */
@Command(name = "upload-dir", mixinStandardHelpOptions = true,
        description = "Upload a directory tree; keys are PREFIX + the path relative to DIR. Rerun to resume.")
final class UploadDirCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR")
    Path directory;

    @Parameters(index = "1", paramLabel = "oss://BUCKET/PREFIX")
    String target;

    @Mixin
    ClientOptions client;

    @Mixin
    TransferOptions transfer;

    @Option(names = "--files-at-once", paramLabel = "N", defaultValue = "16",
            description = "files in flight (default 16)")
    int filesAtOnce;

    @Override
    public Integer call() throws Exception {
        OssTarget to = OssTarget.parse(target.endsWith("/") || target.indexOf('/', "oss://".length()) > 0 ? target
                : target + "/");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        MultipartOptions options = transfer.options();
        try (OssClient oss = client.client();
                ProgressDisplay progress = ProgressDisplay.create(directory.getFileName() + "/", totalSize(directory),
                        "files", System.err)) {
            BatchOptions batch = BatchOptions.builder().concurrency(filesAtOnce)
                    .checkpointDir(options.checkpointDir().orElseThrow())
                    .progressListener(progress)
                    .build();
            CompletableFuture<List<BatchResult>> upload = BatchUploader.create(MultipartUploader.create(oss, options),
                    batch).uploadDirectory(directory, to.bucket(), to.key()).collectList().toFuture();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> upload.cancel(true)));
            List<BatchResult> results = upload.join();
            progress.close();
            List<BatchResult.Failed> failures = results.stream().filter(BatchResult.Failed.class::isInstance)
                    .map(BatchResult.Failed.class::cast).toList();
            failures.forEach(failed -> out.println("failed:   " + failed.request().key() + ": "
                    + OssfluxCli.reason(failed.error())));
            long failed = failures.size();
            out.printf("uploaded: %d files (%d skipped as already uploaded), %d failed%n", results.size() - failed,
                    results.stream().filter(BatchResult.Skipped.class::isInstance).count(), failed);
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }

    private static long totalSize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
