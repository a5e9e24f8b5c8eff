package dev.ossflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.Crc64;
import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.OssEmulatorExtension;
import dev.ossflux.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged CLI as a separate process against an in-process emulator. */
class CliIT {

    private static final String BUCKET = "examplebucket";
    private static final Path JAR = Path.of("target", "ossflux-cli.jar");

    @RegisterExtension
    final OssEmulatorExtension oss = new OssEmulatorExtension(OssEmulator.builder().bucket(BUCKET));

    @TempDir
    Path dir;

    private byte[] data;
    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        data = new byte[15 * 100 * 1024 + 777];
        new Random(21).nextBytes(data);
        file = Files.write(dir.resolve("backup.bin"), data);
    }

    @Test
    void uploadsPrintsTheResultAndTheCallbackReply() throws Exception {
        Result run = cli(List.of("upload", file.toString(), "oss://" + BUCKET + "/backups/backup.bin",
                "--part-size", "200KiB", "--concurrency", "3", "--checkpoint-dir", dir.resolve("cp").toString()),
                Duration.ofSeconds(60));

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("etag:", "crc64:    " + Crc64.format(Crc64.of(data)))
                .contains("backup.bin: ").as("plain progress lines when not on a terminal");
        assertThat(oss.emulator().object(BUCKET, "backups/backup.bin").orElseThrow().bytes()).isEqualTo(data);
    }

    @Test
    void uploadsADirectoryTreeAndSkipsItOnARerun() throws Exception {
        Path tree = dir.resolve("tree");
        for (String name : List.of("a.txt", "sub/b.txt", "sub/deeper/c.bin")) {
            Files.createDirectories(tree.resolve(name).getParent());
            Files.writeString(tree.resolve(name), "content of " + name);
        }
        List<String> args = List.of("upload-dir", tree.toString(), "oss://" + BUCKET + "/site/", "--checkpoint-dir",
                dir.resolve("cp").toString());

        Result first = cli(args, Duration.ofSeconds(60));
        Result second = cli(args, Duration.ofSeconds(60));

        assertThat(first.exit).as(first.output).isZero();
        assertThat(first.output).contains("uploaded: 3 files (0 skipped as already uploaded), 0 failed");
        assertThat(oss.emulator().object(BUCKET, "site/sub/deeper/c.bin").orElseThrow().utf8())
                .isEqualTo("content of sub/deeper/c.bin");
        assertThat(second.output).contains("uploaded: 3 files (3 skipped as already uploaded), 0 failed");
    }

    @Test
    void uploadDirTreatsThePrefixAsAFolderShowsTheMappingAndCountsOnlyUp() throws Exception {
        Path tree = dir.resolve("tree");
        for (int i = 0; i < 40; i++) {
            Path file = tree.resolve("d" + (i % 3) + "/e" + (i % 5) + "/f" + i + ".bin");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[10_000 + i]);
        }

        Result run = cli(List.of("upload-dir", tree.toString(), "oss://" + BUCKET + "/batch", "--checkpoint-dir",
                dir.resolve("cp").toString(), "--files-at-once", "8"), Duration.ofSeconds(60));
        Result help = cli(List.of("upload-dir", "--help"), Duration.ofSeconds(60));

        assertThat(run.exit).as(run.output).isZero();
        assertThat(oss.emulator().object(BUCKET, "batch/d1/e2/f7.bin")).isPresent();
        assertThat(oss.emulator().object(BUCKET, "batchd1/e2/f7.bin")).isEmpty();
        assertThat(run.output).contains("keys:     oss://" + BUCKET + "/batch/<path under " + tree + ">")
                .containsPattern("first: +oss://" + BUCKET + "/batch/d\\d/e\\d/f\\d+\\.bin");
        List<Long> done = run.output.lines().filter(line -> line.endsWith(" files done"))
                .map(line -> Long.parseLong(line.replaceAll(".*, (\\d+) files done$", "$1"))).toList();
        assertThat(done).as("files done, line after line").isNotEmpty().isSorted();
        assertThat(help.output).contains("PREFIX is a folder", "--follow-symlinks");
    }

    @Test
    void uploadDirLeavesLinksOutAndFailsOnlyTheFileWhoseKeyIsTooLong() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("ok.txt"), "fine");
        Files.writeString(tree.resolve("n" + "x".repeat(200) + ".txt"), "key too long");
        Files.createSymbolicLink(tree.resolve("id_rsa"), Files.writeString(dir.resolve("id_rsa"), "secret"));
        String prefix = "p".repeat(850);

        Result plain = cli(List.of("upload-dir", tree.toString(), "oss://" + BUCKET + "/" + prefix,
                "--checkpoint-dir", dir.resolve("cp").toString()), Duration.ofSeconds(60));
        Result following = cli(List.of("upload-dir", tree.toString(), "oss://" + BUCKET + "/linked",
                "--checkpoint-dir", dir.resolve("cp2").toString(), "--follow-symlinks"), Duration.ofSeconds(60));

        assertThat(plain.exit).as(plain.output).isEqualTo(1);
        assertThat(plain.output).contains("failed:   " + tree.resolve("n" + "x".repeat(200) + ".txt"), "1023",
                "uploaded: 1 files (0 skipped as already uploaded), 1 failed");
        assertThat(oss.emulator().object(BUCKET, prefix + "/ok.txt")).isPresent();
        assertThat(oss.emulator().object(BUCKET, prefix + "/id_rsa")).isEmpty();
        assertThat(following.exit).as(following.output).isZero();
        assertThat(oss.emulator().object(BUCKET, "linked/id_rsa").orElseThrow().utf8()).isEqualTo("secret");
    }

    @Test
    void exitsNonZeroWithAOneLineReason() throws Exception {
        Result run = cli(List.of("upload", file.toString(), "oss://no-such-bucket/k", "--checkpoint-dir",
                dir.resolve("cp").toString()), Duration.ofSeconds(60));
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output).contains("ossflux: OSS refused the upload: NoSuchBucket");
    }

    @Test
    void resumesAfterBeingKilledWithoutResendingCompletedParts() throws Exception {
        oss.emulator().inject(Operation.UPLOAD_PART, Fault.delay(Duration.ofMillis(250)).times(1000));
        List<String> args = List.of("upload", file.toString(), "oss://" + BUCKET + "/killed.bin", "--part-size",
                "100KiB", "--concurrency", "1", "--checkpoint-dir", dir.resolve("cp").toString());

        Process first = start(args, dir.resolve("killed.log"));
        awaitCompletedParts(4);
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        oss.emulator().clearFaults();
        drainLog();
        List<Integer> before = completedParts();
        assertThat(before).isNotEmpty().doesNotContain(16);

        Result second = cli(args, Duration.ofSeconds(60));

        assertThat(second.exit).as(second.output).isZero();
        assertThat(oss.emulator().object(BUCKET, "killed.bin").orElseThrow().bytes()).isEqualTo(data);
        List<Integer> after = completedParts().subList(before.size(), completedParts().size());
        assertThat(after).doesNotContainAnyElementsOf(before);
        List<Integer> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(all).hasSize(16).doesNotHaveDuplicates();
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).isEmpty();
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void survivesTwentyKillsAtRandomMomentsWithEveryObjectIntact() throws Exception {
        Random moments = new Random(2026);
        oss.emulator().inject(Operation.UPLOAD_PART, Fault.delay(Duration.ofMillis(60)).times(100_000));
        ExecutorService runs = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> cycles = new ArrayList<>();
            for (int run = 0; run < 20; run++) {
                int number = run;
                int killAfterMillis = 200 + moments.nextInt(1600);
                cycles.add(runs.submit(() -> {
                    killThenResume(number, killAfterMillis);
                    return null;
                }));
            }
            for (Future<?> cycle : cycles) {
                cycle.get();
            }
        } finally {
            runs.shutdownNow();
        }
        // A kill after OSS accepted an Initiate but before the checkpoint naming it reached the disk leaves
        // the record that an upload was being initiated; the rerun aborts what that upload left open.
        assertThat(oss.emulator().pendingMultipartUploads(BUCKET)).as("open multipart uploads").isEmpty();
    }

    /** Starts an upload, kills it with SIGKILL after {@code killAfterMillis}, then runs it again to the end. */
    private void killThenResume(int run, int killAfterMillis) throws Exception {
        byte[] content = new byte[8 * 100 * 1024 - run];
        new Random(run).nextBytes(content);
        Path source = Files.write(dir.resolve("file-" + run), content);
        List<String> args = List.of("upload", source.toString(), "oss://" + BUCKET + "/crash/" + run,
                "--part-size", "100KiB", "--concurrency", "2", "--checkpoint-dir", dir.resolve("cp").toString());

        Process killed = start(args, dir.resolve("killed-" + run + ".log"));
        killed.waitFor(killAfterMillis, TimeUnit.MILLISECONDS);
        killed.destroyForcibly();
        assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Result resumed = cli(args, Duration.ofSeconds(120));
        assertThat(resumed.exit).as("run %d: %s", run, resumed.output).isZero();
        assertThat(oss.emulator().object(BUCKET, "crash/" + run).orElseThrow().bytes()).as("run %d", run)
                .isEqualTo(content);
    }

    private List<Integer> completedParts() {
        return oss.emulator().requests().stream()
                .filter(request -> request.operation() == Operation.UPLOAD_PART && request.status() == 200)
                .map(request -> request.partNumber().orElseThrow()).toList();
    }

    private void awaitCompletedParts(int parts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (completedParts().size() < parts) {
            assertThat(System.nanoTime()).as("%d parts within 30 s", parts).isLessThan(deadline);
            oss.emulator().takeRequest(Duration.ofMillis(100));
        }
    }

    private void drainLog() throws InterruptedException {
        RecordedRequest request;
        do {
            request = oss.emulator().takeRequest(Duration.ofMillis(500));
        } while (request != null);
    }

    private Process start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OSS_ACCESS_KEY_ID", oss.credentials().accessKeyId());
        builder.environment().put("OSS_ACCESS_KEY_SECRET", oss.credentials().accessKeySecret());
        builder.environment().put("OSS_ENDPOINT", oss.endpoint());
        builder.environment().put("OSS_REGION", oss.region());
        return builder.start();
    }

    private Result cli(List<String> args, Duration timeout) throws Exception {
        Path log = dir.resolve("run-" + System.nanoTime() + ".log");
        Process process = start(args, log);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish within " + timeout + ":\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
