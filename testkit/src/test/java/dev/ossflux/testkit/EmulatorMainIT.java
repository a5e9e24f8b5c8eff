package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.OssException;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.auth.CredentialsProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The standalone jar of DESIGN.md: flags, environment credentials, the ready line, and SIGTERM. */
class EmulatorMainIT {

    private static ProcessBuilder emulator(String... args) {
        Path jar = Path.of("target/ossflux-emulator.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (Files.exists(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "dev.ossflux.testkit.internal.EmulatorMain"));
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("OSS_"));
        return builder;
    }

    @Test
    void theStandaloneJarServesBucketsWithEnvironmentCredentialsAndStopsOnSigterm() throws Exception {
        ProcessBuilder builder = emulator("--port", "0", "--bucket", "first-bucket", "--bucket", "second-bucket");
        builder.environment().put("OSS_ACCESS_KEY_ID", "env-id");
        builder.environment().put("OSS_ACCESS_KEY_SECRET", "env-secret");
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).matches("ossflux emulator listening on http://127\\.0\\.0\\.1:\\d+");
            String endpoint = line.substring("ossflux emulator listening on ".length());

            try (OssClient client = OssClient.builder().endpoint(endpoint)
                    .credentials(CredentialsProvider.of("env-id", "env-secret")).build()) {
                StepVerifier.create(client.putObject(PutObjectRequest.of("second-bucket", "k.txt"),
                                UploadBody.fromString("standalone")))
                        .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(20));
            }
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withoutCredentialsTheStandaloneJarMakesRandomOnesAndPrintsThem() throws Exception {
        Process process = emulator("--port", "0", "--bucket", "first-bucket").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String endpoint = out.readLine().substring("ossflux emulator listening on ".length());
            Matcher printed = Pattern.compile("ossflux emulator credentials: OSS_ACCESS_KEY_ID=(\\S+) "
                    + "OSS_ACCESS_KEY_SECRET=(\\S+)").matcher(out.readLine());
            assertThat(printed.matches()).isTrue();
            assertThat(printed.group(1)).isNotEqualTo(OssEmulator.DEFAULT_ACCESS_KEY_ID);
            assertThat(printed.group(2)).hasSizeGreaterThanOrEqualTo(40);

            try (OssClient client = OssClient.builder().endpoint(endpoint)
                    .credentials(CredentialsProvider.of(printed.group(1), printed.group(2))).build();
                    OssClient defaults = OssClient.builder().endpoint(endpoint).credentials(CredentialsProvider.of(
                            OssEmulator.DEFAULT_ACCESS_KEY_ID, OssEmulator.DEFAULT_ACCESS_KEY_SECRET)).build()) {
                StepVerifier.create(client.putObject(PutObjectRequest.of("first-bucket", "k.txt"),
                                UploadBody.fromString("random key")))
                        .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(20));
                StepVerifier.create(defaults.putObject(PutObjectRequest.of("first-bucket", "k.txt"),
                                UploadBody.fromString("default key")))
                        .expectErrorSatisfies(e -> assertThat(OssException.hasCode(e, "InvalidAccessKeyId")).isTrue())
                        .verify(Duration.ofSeconds(20));
            }
        } finally {
            process.destroyForcibly();
        }
    }
}
