package dev.ossflux.samples.cli;

import dev.ossflux.core.OssException;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The ossflux command-line uploader.
 *
 * <pre>
 * java -jar ossflux-cli.jar upload FILE oss://BUCKET/KEY [--endpoint URL] [--part-size SIZE] [--concurrency N]
 *     [--checkpoint-dir DIR] [--callback-url URL --callback-body TEMPLATE [--callback-var x:name=value]...]
 * java -jar ossflux-cli.jar upload-dir DIR oss://BUCKET/PREFIX [--files-at-once N] [--follow-symlinks]
 *     [--endpoint URL] [--part-size SIZE] [--concurrency N] [--checkpoint-dir DIR]
 * </pre>
 *
 * Exits 0 on success, 1 with a one-line reason on failure, 2 on a usage error.
 */
@Command(name = "ossflux", mixinStandardHelpOptions = true, version = "ossflux 0.1.0",
        description = "Upload files to Alibaba Cloud OSS, resumably, with upload callbacks.",
        subcommands = {UploadCommand.class, UploadDirCommand.class})
public final class OssfluxCli {

    private OssfluxCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new OssfluxCli())
                .setExecutionExceptionHandler((error, commandLine, parsed) -> {
                    commandLine.getErr().println("ossflux: " + reason(error));
                    commandLine.getErr().flush();
                    return 1;
                })
                .execute(args);
    }

    static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof OssException oss) {
            return "OSS refused the upload: " + oss.getMessage();
        }
        String message = cause.getMessage();
        return (message == null ? cause.getClass().getSimpleName() : message).lines().findFirst().orElse("");
    }
}
