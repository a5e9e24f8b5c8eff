package dev.ossflux.benchmarks.soak;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.auth.CredentialsProvider;
import dev.ossflux.testing.NettyLeaks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The chaos soak: {@code java -jar ossflux-benchmarks.jar soak --minutes 30} (flags in {@link SoakOptions}).
 * The emulator runs in a process of its own on a data directory ({@link EmulatorProcess}), faults arrive
 * at random and it is SIGKILLed and restarted every few minutes ({@link Chaos}), while ossflux's client
 * runs the mixed {@link Workload}. A line per sample, then the {@link Verification} and the
 * {@link Verdict}s; the report goes to {@code OUT/NAME.md} with a memory chart. Exits 1 when a verdict
 * failed.
 */
public final class SoakMain {

    static final String BUCKET = "soak";
    private static final String ACCESS_KEY_ID = "soak-access-key";
    private static final long CALLBACK_TIMEOUT_MILLIS = 1_000;

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar ossflux-benchmarks.jar soak [--minutes N | --seconds N] [--seed N] "
                    + "[--kill-every-seconds N] [--fault-every-ms N] [--sample-every-seconds N] "
                    + "[--flat-from-seconds N] [--out DIR] [--name NAME] [--sabotage a,b]");
            System.exit(2);
            return;
        }
        SoakResult result = run(options);
        Path report = SoakReport.write(result);
        System.out.println("report: " + report);
        System.exit(result.passed() ? 0 : 1);
    }

    /** Runs one soak and answers what it saw; the report is not written. */
    static SoakResult run(SoakOptions options) throws Exception {
        NettyLeaks.install();
        NettyLeaks.drain();
        Path work = Files.createTempDirectory("ossflux-soak-");
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        System.out.printf("soak for %s (seed %d, kill every %s, a fault every %s on average) in %s%n",
                options.duration(), options.seed(), options.killEvery(), options.faultEvery(), work);
        SourceFiles sources = SourceFiles.write(work.resolve("sources"), options.seed());
        Path checkpoints = Files.createDirectories(work.resolve("checkpoints"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Tally tally = new Tally();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        try (CountingReceiver receiver = new CountingReceiver();
                EmulatorProcess emulator = EmulatorProcess.start(Files.createDirectories(work.resolve("data")),
                        BUCKET, ACCESS_KEY_ID, secret, work.resolve("emulator.log"), CALLBACK_TIMEOUT_MILLIS);
                Ledger ledger = new Ledger(work)) {
            OssClient client = OssClient.builder()
                    .endpoint(emulator.endpoint())
                    .region("cn-hangzhou")
                    .credentials(CredentialsProvider.of(ACCESS_KEY_ID, secret))
                    .connectTimeout(Duration.ofSeconds(1))
                    .responseTimeout(Duration.ofSeconds(5))
                    .maxConnections(64)
                    .maxBytesInFlight(64L << 20)
                    .metrics(meters)
                    .build();
            Sabotages sabotages = new Sabotages(options.sabotage(), client, BUCKET, tally);
            Workload workload = new Workload(client, BUCKET, receiver.url(), ledger, tally, sources, checkpoints,
                    sabotages, options.seed(), () -> emulator.downWithin(10));
            long start = System.nanoTime();
            Chaos chaos = new Chaos(emulator, receiver, options.seed(), options.faultEvery(), options.killEvery());
            Runnable sample = () -> {
                Sample taken = sample(start, tally, chaos, emulator, receiver);
                samples.add(taken);
                System.out.println(taken.line());
            };
            Thread sampler = sampler(options, sabotages, sample);
            System.out.println(Sample.header());
            workload.run(start + options.duration().toNanos()).block(options.duration().plusMinutes(15));
            sampler.interrupt();
            sampler.join();
            chaos.close();
            System.out.printf("workload ended after %.0f s; verifying%n", (System.nanoTime() - start) / 1e9);
            Verification verification = new Verification(client, BUCKET, ledger, checkpoints);
            List<Verdict> verdicts = new ArrayList<>();
            verdicts.add(verification.objects());
            verdicts.add(typed(tally));
            verdicts.add(verification.uploads());
            verdicts.add(new Verdict(Verdict.ONE_CALLBACK, receiver.callsCalledBackTwice() == 0 && receiver.unnamed() == 0,
                    String.format("%,d callbacks, %d upload calls called back more than once, %d unnamed",
                            receiver.callbacks(), receiver.callsCalledBackTwice(), receiver.unnamed())));
            List<String> leakReports = NettyLeaks.drain();
            leakReports.forEach(System.err::println);
            long clientLeaks = leakReports.size();
            long emulatorLeaks = emulator.leaks();
            verdicts.add(new Verdict(Verdict.NO_LEAKS, clientLeaks == 0 && emulatorLeaks == 0
                    && emulator.unansweredLeakChecks() == 0, String.format("client %d, emulator %d (over %d lives; %d "
                    + "leak checks unanswered)", clientLeaks, emulatorLeaks, emulator.kills() + 1,
                    emulator.unansweredLeakChecks())));
            double from = options.flatFrom().toSeconds();
            verdicts.add(Verdict.flat(Verdict.HEAP_FLAT, samples, from, Sample::heapBytes, 2 << 20, "MiB", 1 << 20));
            verdicts.add(Verdict.flat(Verdict.DIRECT_FLAT, samples, from, Sample::directBytes, 8 << 20, "MiB",
                    1 << 20));
            verdicts.add(Verdict.flat(Verdict.THREADS_FLAT, samples, from, Sample::threads, 4, "threads", 1));
            verdicts.add(Verdict.flat(Verdict.SOCKETS_FLAT, samples, from, Sample::sockets, 12, "sockets", 1));
            client.close();
            for (Verdict verdict : verdicts) {
                System.out.printf("%s %s: %s%n", verdict.passed() ? "PASS" : "FAIL", verdict.name(), verdict.seen());
            }
            Map<String, String> figures = figures(tally, chaos, emulator, receiver, meters);
            figures.putAll(verification.figures());
            return new SoakResult(options, List.copyOf(samples), verdicts, figures, chaos.counts(), tally.errors());
        } finally {
            deleteData(work);
        }
    }

    private static Verdict typed(Tally tally) {
        long ended = tally.stored.sum() + tally.failed.sum() + tally.cancelled.sum() + tally.hung.sum()
                + tally.mismatched.sum();
        boolean passed = tally.untyped.sum() == 0 && tally.hung.sum() == 0 && tally.mismatched.sum() == 0
                && ended == tally.calls.sum();
        return new Verdict(Verdict.TYPED_ERRORS, passed, String.format("%,d calls: %,d stored, %,d failed typed, %d "
                        + "untyped, %,d cancelled, %d hung, %d stored with other bytes than sent", tally.calls.sum(),
                tally.stored.sum(), tally.failed.sum() - tally.untyped.sum(), tally.untyped.sum(),
                tally.cancelled.sum(), tally.hung.sum(), tally.mismatched.sum()));
    }

    private static Sample sample(long start, Tally tally, Chaos chaos, EmulatorProcess emulator,
            CountingReceiver receiver) {
        long leaks = NettyLeaks.collect().size();
        long emulatorLeaks;
        try {
            emulatorLeaks = emulator.leaks();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emulatorLeaks = 0;
        }
        return new Sample((System.nanoTime() - start) / 1e9, Sample.measureHeap(), Sample.measureDirect(),
                Sample.countThreads(), Sample.countSockets(), tally.calls.sum(), tally.stored.sum(),
                tally.storedBytes.sum(), tally.failed.sum(),
                tally.cancelled.sum(), chaos.total(), emulator.kills(), receiver.callbacks(), leaks + emulatorLeaks);
    }

    /** Samples every {@code sampleEvery}, and once more when interrupted at the end. */
    private static Thread sampler(SoakOptions options, Sabotages sabotages, Runnable sample) {
        Thread thread = new Thread(() -> {
            long every = options.sampleEvery().toNanos();
            long next = System.nanoTime() + every;
            boolean last = false;
            while (!last) {
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                } catch (InterruptedException end) {
                    last = true;
                }
                next += every;
                sabotages.everySample();
                sample.run();
            }
        }, "soak-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Map<String, String> figures(Tally tally, Chaos chaos, EmulatorProcess emulator,
            CountingReceiver receiver, SimpleMeterRegistry meters) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("upload calls", String.format("%,d", tally.calls.sum()));
        figures.put("stored (reported by the client)", String.format("%,d (%.2f GiB)", tally.stored.sum(),
                tally.storedBytes.sum() / 1073741824.0));
        figures.put("of which with a failed callback (203)", String.format("%,d", tally.storedWithFailedCallback.sum()));
        figures.put("failed with a typed error", String.format("%,d", tally.failed.sum() - tally.untyped.sum()));
        figures.put("cancelled midway", String.format("%,d", tally.cancelled.sum()));
        figures.put("faults injected", String.format("%,d", chaos.total()));
        figures.put("emulator SIGKILLs + restarts", Integer.toString(emulator.kills()));
        double retries = meters.find("ossflux.retries").counters().stream().mapToDouble(Counter::count).sum();
        figures.put("recoveries: request attempts retried by the client", String.format("%,.0f", retries));
        figures.put("recoveries: file uploads resumed from a checkpoint / completed so", String.format("%,d / %,d",
                tally.resumes.sum(), tally.resumedToCompletion.sum()));
        figures.put("recoveries: batch runs (reruns skip what is stored) / files skipped", String.format("%,d / %,d",
                tally.batchRuns.sum(), tally.batchSkipped.sum()));
        figures.put("callbacks received", String.format("%,d", receiver.callbacks()));
        if (tally.sabotagedDeletes.sum() > 0) {
            figures.put("objects deleted by sabotage", String.format("%,d", tally.sabotagedDeletes.sum()));
        }
        return figures;
    }

    /** Removes the emulator's data and the soak's files (GiBs over a long run); keeps the emulator's log. */
    private static void deleteData(Path work) throws IOException {
        for (String dir : List.of("data", "sources", "checkpoints")) {
            Path path = work.resolve(dir);
            if (Files.exists(path)) {
                try (var paths = Files.walk(path)) {
                    for (Path one : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(one);
                    }
                }
            }
        }
    }
}
