package dev.ossflux.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server the contenders upload to, in a JVM of its own so that its CPU is not the client's
 * and can be read from {@code /proc} apart: the testkit emulator in sink mode (every body hashed
 * with MD5 and CRC-64, signatures checked, multipart and callbacks served) or the {@link StubServer}
 * (answers from a table of known bodies, at a fraction of any client's cost).
 */
final class ServerProcess implements AutoCloseable {

    /** Which server: the end-to-end emulator or the client-measuring stub. */
    enum Mode {
        EMULATOR, STUB;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The stub's counters; all zero for the emulator, which checks every body itself. */
    record Stats(long puts, long bytes, long checked, long mismatches, long refused) {

        static final Stats NONE = new Stats(0, 0, 0, 0, 0);

        Stats minus(Stats before) {
            return new Stats(puts - before.puts, bytes - before.bytes, checked - before.checked,
                    mismatches - before.mismatches, refused - before.refused);
        }
    }

    private static final String LISTENING = " listening on ";

    private final Mode mode;
    private final Process process;
    private final String endpoint;
    private final HttpClient http;

    private ServerProcess(Mode mode, Process process, String endpoint) {
        this.mode = mode;
        this.process = process;
        this.endpoint = endpoint;
        this.http = mode == Mode.STUB ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build() : null;
    }

    static ServerProcess emulator(String java, String classpath, String bucket, Path log) throws IOException {
        Target as = Target.of("", bucket, "");
        return start(Mode.EMULATOR, List.of(java, "-cp", classpath, "dev.ossflux.testkit.internal.EmulatorMain",
                "--port", "0", "--bucket", bucket, "--sink", "--access-key-id", as.accessKeyId(),
                "--access-key-secret", as.accessKeySecret()), log);
    }

    /** The stub, knowing the harness's bodies of {@code sizes} bytes. */
    static ServerProcess stub(String java, String classpath, List<Integer> sizes, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, StubServer.class.getName(),
                "--sizes"));
        command.add(String.join(",", sizes.stream().map(String::valueOf).toList()));
        return start(Mode.STUB, command, log);
    }

    private static ServerProcess start(Mode mode, List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(Launcher.command(command)).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.contains(LISTENING)) {
            process.destroyForcibly();
            throw new IOException("the " + mode.label() + " did not start (said " + line + "); see " + log + ":\n"
                    + Files.readString(log));
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling
                }
            } catch (IOException ignored) {
                // the server stopped
            }
        }, mode.label() + "-stdout");
        drain.setDaemon(true);
        drain.start();
        return new ServerProcess(mode, process, line.substring(line.indexOf(LISTENING) + LISTENING.length()).trim());
    }

    Mode mode() {
        return mode;
    }

    String endpoint() {
        return endpoint;
    }

    long pid() {
        return process.pid();
    }

    /** User plus system CPU the server has used so far, from {@code /proc/PID/stat} (Linux only; 0 elsewhere). */
    double cpuSeconds() {
        return ProcessCpu.seconds(process.pid());
    }

    /** The stub's counters so far ({@link Stats#NONE} for the emulator). */
    Stats stats() throws IOException, InterruptedException {
        if (http == null) {
            return Stats.NONE;
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + StubServer.STATS_PATH))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readValue(response.body(), Stats.class);
    }

    /** Stops the server without waiting, e.g. from a shutdown hook. */
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
