package dev.ossflux.compat;

import dev.ossflux.core.GetObjectRequest;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.OssException;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.callback.CallbackVerifier;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import dev.ossflux.testkit.OssEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * The seed's flow, run in one dependency world: a PutObject with a callback and a typed reply, a resumable
 * multipart {@code uploadFile} with a callback, and a parsed OSS error, against the embedded emulator. Any
 * deviation throws, so the world's JVM exits non-zero.
 */
public final class Flow {

    /** What every world's callback endpoint answers, read back as a typed reply. */
    public record Receipt(String status, String bucket, String object, long size) {
    }

    /** A running callback endpoint of the world. */
    public interface Endpoint extends AutoCloseable {

        /** The URL OSS posts callbacks to. */
        String url();
    }

    /** What a world hands the flow: its client and uploader, and the callback endpoint they upload with. */
    public interface World extends AutoCloseable {

        /** The client, pointed at an emulator with bucket {@value #BUCKET}. */
        OssClient client();

        /** An uploader with {@link #options(Path)}. */
        MultipartUploader uploader();

        /** The URL OSS posts callbacks to. */
        String callbackUrl();
    }

    /** Starts a world whose uploader keeps its checkpoints in the directory it is given. */
    @FunctionalInterface
    public interface WorldStarter {

        World start(Path checkpoints) throws Exception;
    }

    /** The bucket every world's emulator must have. */
    public static final String BUCKET = "examplebucket";

    private static final Duration WAIT = Duration.ofSeconds(60);

    private Flow() {
    }

    /** The uploader options of the flow: 100 KiB parts, two at once, resumable from {@code checkpoints}. */
    public static MultipartOptions options(Path checkpoints) {
        return MultipartOptions.builder().partSize(MultipartOptions.MIN_PART_SIZE)
                .multipartThreshold(MultipartOptions.MIN_PART_SIZE).concurrency(2).checkpointDir(checkpoints).build();
    }

    /**
     * Runs the flow in {@code world} on an emulator and client of its own, with the endpoint that
     * {@code endpoints} starts around a verifier that trusts the emulator's key.
     */
    public static void run(String world, Function<CallbackVerifier, Endpoint> endpoints) throws Exception {
        runOn(world, checkpoints -> {
            OssEmulator oss = OssEmulator.builder().bucket(BUCKET).start();
            OssClient client = oss.clientBuilder().build();
            Endpoint endpoint = endpoints.apply(CallbackVerifier.builder()
                    .trustedKeyUrlPrefixes(List.of(oss.endpoint() + "/")).build());
            MultipartUploader uploader = MultipartUploader.create(client, options(checkpoints));
            return new World() {
                @Override
                public OssClient client() {
                    return client;
                }

                @Override
                public MultipartUploader uploader() {
                    return uploader;
                }

                @Override
                public String callbackUrl() {
                    return endpoint.url();
                }

                @Override
                public void close() throws Exception {
                    endpoint.close();
                    client.close();
                    oss.close();
                }
            };
        });
    }

    /** Runs the flow in {@code world}, on the client, uploader and endpoint that {@code starter} starts. */
    public static void runOn(String world, WorldStarter starter) throws Exception {
        Path dir = Files.createTempDirectory("ossflux-compat");
        try (World running = starter.start(Files.createDirectories(dir.resolve("checkpoints")))) {
            Callback callback = Callback.builder(running.callbackUrl(),
                    "bucket=${bucket}&object=${object}&size=${size}").build();
            putObject(running.client(), callback);
            uploadFile(running.uploader(), callback, dir);
            parsedError(running.client());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        System.out.println("compat " + world + " on Java " + Runtime.version().feature() + ": OK (" + jacksons()
                + ")");
    }

    private static void putObject(OssClient client, Callback callback) {
        PutObjectRequest request = PutObjectRequest.builder(BUCKET, "compat/put.txt").callback(callback).build();
        UploadResult result = client.putObject(request, UploadBody.fromString("hello, world")).block(WAIT);
        Receipt receipt = Objects.requireNonNull(result).callbackReply().orElseThrow().as(Receipt.class);
        check(receipt.equals(new Receipt("OK", BUCKET, "compat/put.txt", 12)), "typed PutObject reply " + receipt);
        check(String.valueOf(result.callbackReply().orElseThrow().json().get("size")).equals("12"),
                "untyped PutObject reply");
    }

    private static void uploadFile(MultipartUploader uploader, Callback callback, Path dir) throws Exception {
        Path file = dir.resolve("big.bin");
        byte[] content = new byte[600 * 1024];
        new java.util.Random(14).nextBytes(content);
        Files.write(file, content);
        Path checkpoints = uploader.options().checkpointDir().orElseThrow();
        UploadResult result = uploader.uploadFile(PutObjectRequest.builder(BUCKET, "compat/big.bin")
                .callback(callback).build(), file).block(WAIT);
        Receipt receipt = Objects.requireNonNull(result).callbackReply().orElseThrow().as(Receipt.class);
        check(receipt.equals(new Receipt("OK", BUCKET, "compat/big.bin", content.length)),
                "typed multipart reply " + receipt);
        check(result.etag().endsWith("-6"), "a six-part ETag, got " + result.etag());
        try (Stream<Path> left = Files.list(checkpoints)) {
            check(left.findAny().isEmpty(), "the checkpoint is removed after completion");
        }
    }

    /** A missing key, told once in an XML body (GetObject) and once in the {@code x-oss-err} header (HEAD). */
    private static void parsedError(OssClient client) {
        for (Mono<?> missing : List.of(client.getObject(GetObjectRequest.of(BUCKET, "compat/missing")),
                client.headObject(BUCKET, "compat/missing"))) {
            try {
                missing.block(WAIT);
                throw new AssertionError("a read of a missing key succeeded");
            } catch (OssException e) {
                check(e.statusCode() == 404 && "NoSuchKey".equals(e.errorCode()), "parsed error " + e);
            }
        }
    }

    private static String jacksons() {
        return Map.of("Jackson 3 databind", "tools.jackson.databind.ObjectMapper",
                        "Jackson 2 databind", "com.fasterxml.jackson.databind.ObjectMapper")
                .entrySet().stream().filter(entry -> present(entry.getValue())).map(Map.Entry::getKey).sorted()
                .reduce((a, b) -> a + ", " + b).orElse("no Jackson databind");
    }

    private static boolean present(String type) {
        try {
            Class.forName(type, false, Flow.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("compat check failed: " + what);
        }
    }
}
