package dev.ossflux.samples.callback;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.testkit.OssEmulator;
import java.io.PrintStream;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the sample uploads: real OSS when {@code OSS_ENDPOINT} is set, otherwise an embedded
 * emulator plus a local callback receiver that trusts the emulator's public key.
 */
final class SampleSetup implements AutoCloseable {

    private final OssClient client;
    private final String bucket;
    private final String callbackUrl;
    private final List<AutoCloseable> resources;

    private SampleSetup(OssClient client, String bucket, String callbackUrl, List<AutoCloseable> resources) {
        this.client = client;
        this.bucket = bucket;
        this.callbackUrl = callbackUrl;
        this.resources = resources;
    }

    static SampleSetup fromEnvironment(PrintStream out) {
        return of(System::getenv, out);
    }

    static SampleSetup of(UnaryOperator<String> env, PrintStream out) {
        String bucket = orDefault(env.apply("OSS_BUCKET"), "examplebucket");
        String endpoint = env.apply("OSS_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            String callbackUrl = env.apply("OSS_CALLBACK_URL");
            if (callbackUrl == null || callbackUrl.isBlank()) {
                throw new IllegalStateException("OSS_CALLBACK_URL must name a callback URL that OSS can reach");
            }
            out.println("Using OSS at " + endpoint + ", callbacks to " + callbackUrl);
            OssClient client = OssClient.builder().endpoint(endpoint)
                    .region(orDefault(env.apply("OSS_REGION"), "cn-hangzhou"))
                    .credentials(CredentialsProvider.fromEnvironment()).build();
            return new SampleSetup(client, bucket, callbackUrl, List.of(client));
        }
        OssEmulator emulator = OssEmulator.builder().bucket(bucket).start();
        CallbackVerifier verifier = CallbackVerifier.builder()
                .trustedKeyUrlPrefixes(List.of(emulator.endpoint() + "/"))
                .build();
        CallbackReceiver receiver = new CallbackReceiver(verifier, out);
        OssClient client = emulator.clientBuilder().build();
        out.println("No OSS_ENDPOINT: started an OSS emulator at " + emulator.endpoint()
                + " and a callback receiver at " + receiver.url());
        return new SampleSetup(client, bucket, receiver.url(), List.of(client, receiver, emulator));
    }

    OssClient client() {
        return client;
    }

    String bucket() {
        return bucket;
    }

    String callbackUrl() {
        return callbackUrl;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
