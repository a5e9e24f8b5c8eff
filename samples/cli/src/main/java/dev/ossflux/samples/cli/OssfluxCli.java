package dev.ossflux.samples.cli;

import dev.ossflux.core.OssException;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The ossflux command-line uploader, which also presigns URLs that upload or download without credentials.
 *
 * <pre>
 * java -jar ossflux-cli.jar upload FILE oss://BUCKET/KEY [--endpoint URL] [--part-size SIZE] [--concurrency N]
 *     [--checkpoint-dir DIR] [--callback-url URL --callback-body TEMPLATE [--callback-var x:name=value]...]
 * java -jar ossflux-cli.jar upload-dir DIR oss://BUCKET/PREFIX [--files-at-once N] [--follow-symlinks]
 *     [--endpoint URL] [--part-size SIZE] [--concurrency N] [--checkpoint-dir DIR]
 * java -jar ossflux-cli.jar presign oss://BUCKET/KEY [--method PUT|GET] [--expires 1h] [--content-type TYPE]
 *     [--signature-version V1|V4] [--callback-url URL --callback-body TEMPLATE [--callback-var x:name=value]...]
 * </pre>
 *
 * Exits 0 on success, 1 with a one-line reason on failure, 2 on a usage error.
 */
@Command(name = "ossflux", mixinStandardHelpOptions = true, version = "ossflux 0.1.0",
        description = "Upload files to Alibaba Cloud OSS, resumably, with upload callbacks; presign URLs for curl.",
        subcommands = {UploadCommand.class, UploadDirCommand.class, PresignCommand.class})
public final class OssfluxCli {

    private OssfluxCli() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(System::getenv).execute(args));
    }

    /** The CLI, reading the {@code OSS_*} variables from {@code environment}. */
    static CommandLine commandLine(UnaryOperator<String> environment) {
        return new CommandLine(new OssfluxCli(), new Factory(environment))
                .setExecutionExceptionHandler((error, commandLine, parsed) -> {
                    commandLine.getErr().println("ossflux: " + reason(error));
                    commandLine.getErr().flush();
                    return 1;
                });
    }

    static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof OssException oss) {
            return "OSS refused the upload: " + oss.getMessage();
        }
        String message = cause.getMessage();
        return (message == null ? cause.getClass().getSimpleName() : message).lines().findFirst().orElse("");
    }

    /** Creates the commands and their options, handing the environment to the {@link EndpointOptions}. */
    private record Factory(UnaryOperator<String> environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return type == EndpointOptions.class ? type.cast(new EndpointOptions(environment))
                    : CommandLine.defaultFactory().create(type);
        }
    }
}
