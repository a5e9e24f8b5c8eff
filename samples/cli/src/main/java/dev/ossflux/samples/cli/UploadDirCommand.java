package dev.ossflux.samples.cli;

import dev.ossflux.core.OssClient;
import dev.ossflux.multipart.BatchOptions;
import dev.ossflux.multipart.BatchResult;
import dev.ossflux.multipart.BatchUploader;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code upload-dir DIR oss://BUCKET/PREFIX}: every file of a tree, resumable, with one overall progress bar. */
@Command(name = "upload-dir", mixinStandardHelpOptions = true,
        description = {"Upload a directory tree. PREFIX is a folder: each key is PREFIX/ followed by the file's path "
                + "relative to DIR ('/'-separated, Unicode NFC); a missing trailing '/' is added, so "
                + "oss://bucket/batch stores DIR/d1/f.bin as batch/d1/f.bin. Symbolic links are left out unless "
                + "--follow-symlinks. A file whose key is invalid or taken by another file fails alone. "
                + "Rerun to resume."})
final class UploadDirCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR")
    Path directory;

    @Parameters(index = "1", paramLabel = "oss://BUCKET/PREFIX")
    String target;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    UploadOptions options;

    @Option(names = "--files-at-once", paramLabel = "N", defaultValue = "16",
            description = "files in flight (default 16)")
    int filesAtOnce;

    @Option(names = "--follow-symlinks", description = "upload what symbolic links point to (default: leave them out)")
    boolean followSymlinks;

    @Override
    public Integer call() throws Exception {
        OssTarget to = OssTarget.parse(target.endsWith("/") ? target : target + "/");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        PrintWriter out = endpoint.out();
        out.println("keys:     oss://" + to.bucket() + "/" + to.key() + "<path under " + directory + ">");
        out.flush();
        MultipartOptions multipart = options.multipart();
        AtomicBoolean firstShown = new AtomicBoolean();
        try (OssClient oss = endpoint.client();
                ProgressDisplay progress = ProgressDisplay.create(directory.getFileName() + "/",
                        totalSize(directory, followSymlinks),
                        "files", System.err)) {
            BatchOptions batch = BatchOptions.builder().concurrency(filesAtOnce)
                    .checkpointDir(multipart.checkpointDir().orElseThrow())
                    .followSymbolicLinks(followSymlinks)
                    .progressListener(progress)
                    .build();
            CompletableFuture<List<BatchResult>> upload = BatchUploader.create(MultipartUploader.create(oss,
                            multipart), batch)
                    .uploadDirectory(directory, to.bucket(), to.key())
                    .doOnNext(result -> {
                        if (firstShown.compareAndSet(false, true)) {
                            out.println("first:    oss://" + result.bucket() + "/" + result.key());
                            out.flush();
                        }
                    })
                    .collectList().toFuture();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> upload.cancel(true)));
            List<BatchResult> results = upload.join();
            progress.close();
            return report(out, results);
        }
    }

    private static int report(PrintWriter out, List<BatchResult> results) {
        long failed = 0;
        for (BatchResult result : results) {
            if (result instanceof BatchResult.Failed failure) {
                out.println("failed:   " + failure.key() + ": " + OssfluxCli.reason(failure.error()));
                failed++;
            } else if (result instanceof BatchResult.Rejected rejected) {
                out.println("failed:   " + rejected.file() + ": " + rejected.reason().getMessage());
                failed++;
            }
        }
        out.printf("uploaded: %d files (%d skipped as already uploaded), %d failed%n", results.size() - failed,
                results.stream().filter(BatchResult.Skipped.class::isInstance).count(), failed);
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static long totalSize(Path directory, boolean followLinks) throws IOException {
        try (Stream<Path> files = followLinks ? Files.walk(directory, FileVisitOption.FOLLOW_LINKS)
                : Files.walk(directory)) {
            return files.filter(file -> followLinks ? Files.isRegularFile(file)
                    : Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }
}
