package dev.ossflux.samples.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.SignatureVersion;
import dev.ossflux.core.callback.CallbackRequest;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.core.callback.VerifiedCallback;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.OssEmulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Runs {@code presign} in process against the embedded emulator and uses its URLs the way curl would, with
 * {@code java.net.http} and no credentials.
 */
class PresignIT {

    private static final String BUCKET = "examplebucket";

    @RegisterExtension
    static final OssEmulatorExtension oss = new OssEmulatorExtension(OssEmulator.builder().bucket(BUCKET));

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void uploadsThroughAPresignedPutAndDownloadsThroughAPresignedGet(SignatureVersion version) throws Exception {
        byte[] data = new byte[300 * 1024 + 17];
        new Random(16).nextBytes(data);
        String key = "presigned/" + version + "/report.txt";

        Run upload = cli("presign", "oss://" + BUCKET + "/" + key, "--expires", "15m", "--content-type", "text/plain",
                "--signature-version", version.name());
        HttpResponse<String> uploaded = put(upload, HttpRequest.BodyPublishers.ofByteArray(data));
        Run get = cli("presign", "oss://" + BUCKET + "/" + key, "--method", "GET", "--signature-version",
                version.name());
        HttpResponse<byte[]> downloaded = http.send(request(get).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(upload.exit).as(upload.err).isZero();
        assertThat(upload.out.lines()).as("one line: the URL").singleElement(as(InstanceOfAssertFactories.STRING))
                .contains(version == SignatureVersion.V4 ? "x-oss-signature-version=" : "OSSAccessKeyId=");
        assertThat(upload.err).contains("header:  Content-Type: text/plain", "expires: ");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(oss.emulator().object(BUCKET, key).orElseThrow().bytes()).isEqualTo(data);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(data);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("text/plain");
    }

    @Test
    void aPresignedPutWithACallbackReachesTheCallbackReceiver() throws Exception {
        BlockingQueue<VerifiedCallback> callbacks = new LinkedBlockingQueue<>();
        DisposableServer receiver = callbackReceiver(callbacks);
        try {
            Run upload = cli("presign", "oss://" + BUCKET + "/presigned/with-callback.bin",
                    "--callback-url", "http://127.0.0.1:" + receiver.port() + "/oss/callback",
                    "--callback-body", "bucket=${bucket}&object=${object}&size=${size}&who=${x:who}",
                    "--callback-var", "x:who=cli");
            HttpResponse<String> uploaded = put(upload, HttpRequest.BodyPublishers.ofString("called back"));

            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            assertThat(uploaded.body()).isEqualTo("{\"Status\":\"OK\"}");
            VerifiedCallback callback = callbacks.poll(10, TimeUnit.SECONDS);
            assertThat(callback).as("a verified callback").isNotNull();
            assertThat(callback.variables()).containsEntry("bucket", BUCKET)
                    .containsEntry("object", "presigned/with-callback.bin").containsEntry("size", "11")
                    .containsEntry("who", "cli");
        } finally {
            receiver.disposeNow();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureVersion.class)
    void anExpiredUrlIsRefused(SignatureVersion version) throws Exception {
        try (OssEmulator twoHoursAhead = OssEmulator.builder().bucket(BUCKET)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2))).start()) {
            Run expired = cli("presign", "oss://" + BUCKET + "/late.bin", "--expires", "1h", "--endpoint",
                    twoHoursAhead.endpoint(), "--signature-version", version.name());
            Run valid = cli("presign", "oss://" + BUCKET + "/late.bin", "--expires", "3h", "--endpoint",
                    twoHoursAhead.endpoint(), "--signature-version", version.name());

            HttpResponse<String> refused = put(expired, HttpRequest.BodyPublishers.ofString("too late"));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("<Code>AccessDenied</Code>", "expired");
            assertThat(twoHoursAhead.object(BUCKET, "late.bin")).isEmpty();
            HttpResponse<String> accepted = put(valid, HttpRequest.BodyPublishers.ofString("in time"));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        }
    }

    @Test
    void aSessionTokenFromTheEnvironmentRidesInTheUrl() throws Exception {
        try (OssEmulator sts = OssEmulator.builder().bucket(BUCKET)
                .temporaryCredentials("STS.sample-id", "sts-secret", "sts-token").start()) {
            Map<String, String> environment = Map.of("OSS_ACCESS_KEY_ID", "STS.sample-id", "OSS_ACCESS_KEY_SECRET",
                    "sts-secret", "OSS_SESSION_TOKEN", "sts-token", "OSS_ENDPOINT", sts.endpoint());
            Run upload = cli(environment, "presign", "oss://" + BUCKET + "/sts.txt");

            HttpResponse<String> uploaded = put(upload, HttpRequest.BodyPublishers.ofString("temporary"));

            assertThat(upload.out).contains("x-oss-security-token=sts-token");
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            assertThat(sts.object(BUCKET, "sts.txt").orElseThrow().utf8()).isEqualTo("temporary");
        }
    }

    @Test
    void aV4UrlLivesAtMostSevenDaysWhileV1MayLiveLonger() {
        Run v4 = cli("presign", "oss://" + BUCKET + "/k", "--expires", "8d");
        Run v1 = cli("presign", "oss://" + BUCKET + "/k", "--expires", "30d", "--signature-version", "V1");
        Run malformed = cli("presign", "oss://" + BUCKET + "/k", "--expires", "ten minutes");

        assertThat(v4.exit).isEqualTo(2);
        assertThat(v4.err).contains("--expires: V4 URLs work for at most 7 days", "--signature-version V1");
        assertThat(v4.out).isEmpty();
        assertThat(v1.exit).as(v1.err).isZero();
        assertThat(v1.out).startsWith(oss.endpoint() + "/" + BUCKET + "/k?").contains("Expires=");
        assertThat(malformed.exit).isEqualTo(2);
        assertThat(malformed.err).contains("--expires", "'ten minutes' is not a duration");
    }

    private HttpResponse<String> put(Run presigned, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(request(presigned).PUT(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the printed URL with the headers the URL was signed with, as {@code curl -H} would send. */
    private static HttpRequest.Builder request(Run presigned) {
        assertThat(presigned.exit).as(presigned.err).isZero();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(presigned.out.strip()))
                .timeout(Duration.ofSeconds(10));
        presigned.err.lines().filter(line -> line.startsWith("header:")).map(line -> line.substring(7).strip())
                .forEach(header -> {
                    int colon = header.indexOf(':');
                    request.header(header.substring(0, colon), header.substring(colon + 1).strip());
                });
        return request;
    }

    private static Run cli(String... args) {
        return cli(Map.of("OSS_ACCESS_KEY_ID", oss.credentials().accessKeyId(), "OSS_ACCESS_KEY_SECRET",
                oss.credentials().accessKeySecret(), "OSS_ENDPOINT", oss.endpoint(), "OSS_REGION", oss.region()), args);
    }

    private static Run cli(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OssfluxCli.commandLine(environment::get);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** An application's callback endpoint: answers 200 to callbacks whose OSS signature verifies, 400 otherwise. */
    private static DisposableServer callbackReceiver(BlockingQueue<VerifiedCallback> verified) {
        CallbackVerifier verifier = CallbackVerifier.builder()
                .trustedKeyUrlPrefixes(List.of(oss.endpoint() + "/")).build();
        return HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
            URI uri = URI.create(request.uri());
            return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                    .flatMap(body -> verifier.verify(CallbackRequest.builder(uri.getRawPath()).query(uri.getRawQuery())
                            .authorization(request.requestHeaders().get(CallbackRequest.AUTHORIZATION))
                            .publicKeyUrl(request.requestHeaders().get(CallbackRequest.PUBLIC_KEY_URL))
                            .contentType(request.requestHeaders().get("Content-Type"))
                            .body(body).build()))
                    .doOnNext(verified::add)
                    .flatMap(callback -> response.status(200).header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"Status\":\"OK\"}"), StandardCharsets.UTF_8).then())
                    .onErrorResume(error -> response.status(400).send().then());
        }).bindNow();
    }

    private record Run(int exit, String out, String err) {
    }
}
