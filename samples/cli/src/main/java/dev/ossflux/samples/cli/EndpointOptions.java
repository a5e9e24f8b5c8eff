package dev.ossflux.samples.cli;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.SignatureVersion;
import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.auth.CredentialsProvider;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where and how every command reaches OSS, as one picocli mixin: the endpoint, the signature version, and the
 * credentials, which always come from the {@code OSS_*} variables of the environment the CLI was started with.
 */
final class EndpointOptions {

    private final UnaryOperator<String> environment;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "OSS endpoint (default: $OSS_ENDPOINT), e.g. https://oss-cn-hangzhou.aliyuncs.com")
    String endpoint;

    @Option(names = "--signature-version", paramLabel = "V1|V4", defaultValue = "V4",
            description = "how requests and URLs are signed (default V4)")
    SignatureVersion signatureVersion;

    EndpointOptions(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Where the command prints its results. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    OssClient client() {
        String url = endpoint != null ? endpoint : variable("OSS_ENDPOINT").orElseThrow(
                () -> new IllegalArgumentException("no endpoint: set OSS_ENDPOINT or pass --endpoint URL"));
        return OssClient.builder()
                .endpoint(url)
                .region(variable("OSS_REGION").orElse("cn-hangzhou"))
                .signatureVersion(signatureVersion)
                .credentials(CredentialsProvider.of(credentials()))
                .build();
    }

    private Credentials credentials() {
        return new Credentials(required(CredentialsProvider.ACCESS_KEY_ID_VARIABLE),
                required(CredentialsProvider.ACCESS_KEY_SECRET_VARIABLE),
                variable(CredentialsProvider.SESSION_TOKEN_VARIABLE), Optional.empty());
    }

    private String required(String name) {
        return variable(name).orElseThrow(() -> new IllegalArgumentException("no credentials: set " + name));
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.apply(name)).filter(value -> !value.isBlank());
    }
}
