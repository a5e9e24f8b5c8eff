package dev.ossflux.samples.cli;

import dev.ossflux.multipart.MultipartOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every upload command takes besides the {@link EndpointOptions}, as one picocli mixin: part size,
 * concurrency, and where checkpoints go (always somewhere, so that Ctrl-C can resume).
 */
final class UploadOptions {

    @Option(names = "--part-size", paramLabel = "SIZE",
            description = "part size, e.g. 8MiB; files larger than one part go multipart (default: automatic, "
                    + "multipart above 16MiB)")
    String partSize;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "parts in flight (default 4)")
    int concurrency;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "where progress is recorded for resuming (default: ~/.ossflux/checkpoints)")
    Path checkpointDir;

    MultipartOptions multipart() {
        MultipartOptions.Builder options = MultipartOptions.builder().concurrency(concurrency)
                .checkpointDir(checkpointDir != null ? checkpointDir
                        : Path.of(System.getProperty("user.home"), ".ossflux", "checkpoints"));
        if (partSize != null) {
            long size = Sizes.parse(partSize);
            options.partSize(size).multipartThreshold(size + 1);
        }
        return options.build();
    }
}
