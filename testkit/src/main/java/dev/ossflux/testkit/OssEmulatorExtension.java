package dev.ossflux.testkit;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.auth.Credentials;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an {@link OssEmulator} for JUnit 5 tests. Registered on a {@code static} field it serves
 * every test of the class; on an instance field each test gets a fresh one.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OssEmulatorExtension oss = new OssEmulatorExtension(OssEmulator.builder().bucket("photos"));
 *
 * @Test
 * void storesTheUpload() {
 *     OssClient client = oss.clientBuilder().build();
 *     ...
 *     assertThat(oss.emulator().object("photos", "cat.png")).isPresent();
 * }
 * }</pre>
 */
public final class OssEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final OssEmulator.Builder builder;
    private OssEmulator emulator;
    private boolean perClass;

    /** An extension whose emulators have the defaults (bucket {@value OssEmulator#DEFAULT_BUCKET}). */
    public OssEmulatorExtension() {
        this(OssEmulator.builder());
    }

    /** An extension whose emulators are started from {@code builder}. */
    public OssEmulatorExtension(OssEmulator.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        emulator = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            emulator = builder.start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        } else {
            emulator.clearFaults();
        }
    }

    /**
     * The running emulator.
     *
     * @throws IllegalStateException outside a test
     */
    public OssEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only while a test runs");
        }
        return emulator;
    }

    public String endpoint() {
        return emulator().endpoint();
    }

    public Credentials credentials() {
        return emulator().credentials();
    }

    public String region() {
        return emulator().region();
    }

    /** An {@link OssClient} builder pointed at the running emulator. */
    public OssClient.Builder clientBuilder() {
        return emulator().clientBuilder();
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
