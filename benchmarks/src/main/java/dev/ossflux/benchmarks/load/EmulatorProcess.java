package dev.ossflux.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The testkit emulator in its own JVM, in sink mode (bodies are hashed with MD5 and CRC-64, then
 * discarded), so that its CPU is not the client's and can be read from {@code /proc} apart.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final String READY = "ossflux emulator listening on ";

    private final Process process;
    private final String endpoint;

    private EmulatorProcess(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static EmulatorProcess start(String java, String classpath, String bucket, Path log) throws IOException {
        Target as = Target.of("", bucket, "");
        Process process = new ProcessBuilder(Launcher.command(List.of(java, "-cp", classpath,
                "dev.ossflux.testkit.internal.EmulatorMain", "--port", "0", "--bucket", bucket, "--sink",
                "--access-key-id", as.accessKeyId(), "--access-key-secret", as.accessKeySecret())))
                .redirectError(log.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith(READY)) {
            process.destroyForcibly();
            throw new IOException("the emulator did not start (said " + line + "); see " + log + ":\n"
                    + Files.readString(log));
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling
                }
            } catch (IOException ignored) {
                // the emulator stopped
            }
        }, "emulator-stdout");
        drain.setDaemon(true);
        drain.start();
        return new EmulatorProcess(process, line.substring(READY.length()).trim());
    }

    String endpoint() {
        return endpoint;
    }

    long pid() {
        return process.pid();
    }

    /** User plus system CPU the emulator has used so far, from {@code /proc/PID/stat} (Linux only; 0 elsewhere). */
    double cpuSeconds() {
        return ProcessCpu.seconds(process.pid());
    }

    /** Stops the emulator without waiting, e.g. from a shutdown hook. */
    void kill() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
