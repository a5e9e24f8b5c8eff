package dev.ossflux.benchmarks.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ChaosEmulatorMain} in a JVM of its own, on one port and one data directory for all its
 * lives: {@link #killAndRestart()} ends it with SIGKILL and starts it again where it was. Asks each
 * life for its leak reports before it ends.
 */
final class EmulatorProcess implements AutoCloseable {

    /** A restart reads the whole data directory back: hundreds of thousands of objects late in a long soak. */
    private static final long START_SECONDS = 240;

    private final List<String> command;
    private final String secret;
    private final Path log;
    private final int port;
    private Process process;
    private Writer control;
    private BlockingQueue<String> answers;
    private volatile boolean down;
    private volatile long upSinceNanos;
    private long leaks;
    private int kills;
    private int unansweredLeakChecks;

    private EmulatorProcess(List<String> command, String secret, Path log, int port) {
        this.command = command;
        this.secret = secret;
        this.log = log;
        this.port = port;
    }

    static EmulatorProcess start(Path dataDir, String bucket, String accessKeyId, String secret, Path log,
            long callbackTimeoutMillis) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx768m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ChaosEmulatorMain.class.getName(), Integer.toString(port),
                dataDir.toString(), bucket, accessKeyId, Long.toString(callbackTimeoutMillis));
        EmulatorProcess emulator = new EmulatorProcess(command, secret, log, port);
        emulator.launch();
        return emulator;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Sends one control command; lost when the emulator is down. */
    synchronized void command(String line) {
        if (down) {
            return;
        }
        try {
            control.write(line + "\n");
            control.flush();
        } catch (IOException gone) {
            // the process died; the next restart brings a new channel
        }
    }

    /** Whether the emulator is down now or came back less than {@code seconds} ago. */
    boolean downWithin(long seconds) {
        return down || System.nanoTime() - upSinceNanos < TimeUnit.SECONDS.toNanos(seconds);
    }

    /** SIGKILLs the emulator (after collecting its leak reports) and starts it again on its data directory. */
    synchronized void killAndRestart() throws IOException, InterruptedException {
        collectLeaks();
        down = true;
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        kills++;
        launch();
    }

    /** The leak reports of all lives so far (the current one asked now). */
    synchronized long leaks() throws InterruptedException {
        collectLeaks();
        return leaks;
    }

    synchronized int kills() {
        return kills;
    }

    /** Leak checks a life did not answer (a verdict cannot rely on them). */
    synchronized int unansweredLeakChecks() {
        return unansweredLeakChecks;
    }

    private void collectLeaks() throws InterruptedException {
        command("leaks");
        String answer = answers.poll(60, TimeUnit.SECONDS);
        if (answer == null) {
            unansweredLeakChecks++;
        } else {
            leaks += Long.parseLong(answer.substring(ChaosEmulatorMain.LEAKS.length()).trim());
        }
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        control = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        control.write(secret + "\n");
        control.flush();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "soak-emulator-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            String first = lines.poll(START_SECONDS, TimeUnit.SECONDS);
            if (first == null || !first.startsWith(ChaosEmulatorMain.LISTENING)) {
                process.destroyForcibly();
                throw new IOException("the emulator did not start (said " + first + "); see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the emulator started", e);
        }
        answers = lines;
        upSinceNanos = System.nanoTime();
        down = false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        down = true;
        process.destroyForcibly();
    }
}
