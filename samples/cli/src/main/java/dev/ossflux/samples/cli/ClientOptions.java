package dev.ossflux.samples.cli;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.auth.CredentialsProvider;
import picocli.CommandLine.Option;

/** Connection options shared by the commands; credentials always come from the {@code OSS_*} variables. */
final class ClientOptions {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "OSS endpoint (default: $OSS_ENDPOINT), e.g. https://oss-cn-hangzhou.aliyuncs.com")
    String endpoint;

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
}
