package dev.ossflux.samples.cli;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.multipart.MultipartOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every upload command takes, as one picocli mixin: the endpoint (credentials always come from
 * the {@code OSS_*} variables), part size, concurrency, and where checkpoints go (always somewhere, so that
 * Ctrl-C can resume).
 */
final class UploadOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "OSS endpoint (default: $OSS_ENDPOINT), e.g. https://oss-cn-hangzhou.aliyuncs.com")
    String endpoint;

    @Option(names = "--part-size", paramLabel = "SIZE",
            description = "part size, e.g. 8MiB; files larger than one part go multipart (default: automatic, "
                    + "multipart above 16MiB)")
    String partSize;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "parts in flight (default 4)")
    int concurrency;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "where progress is recorded for resuming (default: ~/.ossflux/checkpoints)")
    Path checkpointDir;

    /** Where the command prints its results. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    OssClient client() {
        String url = endpoint != null ? endpoint : System.getenv("OSS_ENDPOINT");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no endpoint: set OSS_ENDPOINT or pass --endpoint URL");
        }
        String region = System.getenv("OSS_REGION");
        return OssClient.builder()
                .endpoint(url)
                .region(region == null || region.isBlank() ? "cn-hangzhou" : region)
                .credentials(CredentialsProvider.fromEnvironment())
                .build();
    }

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
