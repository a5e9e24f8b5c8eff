package dev.ossflux.multipart;

import dev.ossflux.core.OssClient;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.OssEmulatorExtension;
import dev.ossflux.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh emulator with bucket {@value #BUCKET} for each test, a client on it and an uploader, plus
 * waits on the emulator's request log. Register it on an instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final UploadFixture oss = new UploadFixture(MultipartOptions.builder().partSize(PART).build());
 * }</pre>
 */
final class UploadFixture implements BeforeEachCallback, AfterEachCallback {

    static final String BUCKET = "examplebucket";
    static final int PART = 100 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final OssEmulatorExtension emulator;
    private final UnaryOperator<OssClient.Builder> clientSettings;
    private final MultipartOptions options;
    private OssClient client;
    private MultipartUploader uploader;

    UploadFixture(MultipartOptions options) {
        this(UnaryOperator.identity(), UnaryOperator.identity(), options);
    }

    /** A fixture whose emulator and client are configured further by the two operators. */
    UploadFixture(UnaryOperator<OssEmulator.Builder> emulatorSettings, UnaryOperator<OssClient.Builder> clientSettings,
            MultipartOptions options) {
        this.emulator = new OssEmulatorExtension(emulatorSettings.apply(OssEmulator.builder().bucket(BUCKET)));
        this.clientSettings = clientSettings;
        this.options = options;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator.beforeEach(context);
        client = clientSettings.apply(emulator.clientBuilder()).build();
        uploader = MultipartUploader.create(client, options);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            client.close();
        } finally {
            emulator.afterEach(context);
        }
    }

    OssEmulator emulator() {
        return emulator.emulator();
    }

    OssClient client() {
        return client;
    }

    MultipartUploader uploader() {
        return uploader;
    }

    /** The operations the emulator has logged, in order. */
    List<Operation> operations() {
        return emulator().requests().stream().map(RecordedRequest::operation).toList();
    }

    /** The logged requests of {@code operation}, in order. */
    List<RecordedRequest> requests(Operation operation) {
        return emulator().requests().stream().filter(request -> request.operation() == operation).toList();
    }

    /**
     * The logged requests of {@code operation} once there are at least {@code count} (waiting at most
     * 10 s): the emulator logs a request just after it writes the response, so a client may have seen
     * the answer a moment before the log shows the request.
     */
    List<RecordedRequest> awaitRequests(Operation operation, int count) {
        awaitLogged(() -> requests(operation).size() >= count, () -> count + " " + operation);
        return requests(operation);
    }

    /** Waits (at most 10 s), waking whenever the emulator logs a request, until {@code done} holds. */
    void awaitLogged(BooleanSupplier done, Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("not logged within " + WAIT + ": " + what.get() + "; saw "
                            + operations());
                }
                emulator().takeRequest(Duration.ofNanos(left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code size} random bytes, the same for the same seed. */
    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
