package dev.ossflux.benchmarks.soak;

import dev.ossflux.core.Crc64;
import dev.ossflux.core.GetObjectRequest;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.multipart.MultipartOptions;
import dev.ossflux.multipart.MultipartUploader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The soak's checks once the workload has ended and the chaos stopped: open multipart uploads against
 * the checkpoints (then the checkpoints rerun), every object in the ledger read back and its CRC-64
 * compared. Runs on the soak's main thread, blocking.
 */
final class Verification {

    private static final Duration WAIT = Duration.ofMinutes(10);

    private final OssClient client;
    private final String bucket;
    private final Ledger ledger;
    private final Path checkpoints;
    private final Map<String, String> figures = new LinkedHashMap<>();

    /** A checkpoint found on disk: its folder, and the file and key it resumes. */
    /** A checkpoint; its upload id is empty while it records only that an upload was being initiated. */
    private record Kept(Path dir, Path file, String key, String uploadId) {
    }

    Verification(OssClient client, String bucket, Ledger ledger, Path checkpoints) {
        this.client = client;
        this.bucket = bucket;
        this.ledger = ledger;
        this.checkpoints = checkpoints;
    }

    /** What the checks counted, for the report. */
    Map<String, String> figures() {
        return figures;
    }

    /**
     * Open uploads must each be kept by a checkpoint, or belong to a call abandoned while the emulator
     * was down (its Abort could not reach it: a known limit, counted and cleaned up); rerunning every
     * checkpoint must complete it and leave nothing open.
     */
    Verdict uploads() throws IOException {
        List<MultipartUpload> open = openUploads();
        List<Kept> kept = checkpointed();
        Set<String> keptIds = kept.stream().map(Kept::uploadId).collect(Collectors.toSet());
        Set<String> initiating = kept.stream().filter(checkpoint -> checkpoint.uploadId().isEmpty())
                .map(Kept::key).collect(Collectors.toSet());
        Set<String> abandoned = ledger.abandonedKeys();
        int byCheckpoint = 0;
        int byOutage = 0;
        List<String> unexplained = new ArrayList<>();
        for (MultipartUpload upload : open) {
            if (keptIds.contains(upload.uploadId()) || initiating.contains(upload.key())) {
                byCheckpoint++;
            } else {
                if (abandoned.contains(upload.key())) {
                    byOutage++;
                } else {
                    unexplained.add(upload.key());
                }
                client.abortMultipartUpload(upload).retryWhen(Retry.backoff(3, Duration.ofMillis(200))).block(WAIT);
            }
        }
        int completed = 0;
        for (Kept checkpoint : kept) {
            if (rerun(checkpoint)) {
                completed++;
            }
        }
        int left = openUploads().size();
        figures.put("open uploads at the end", Integer.toString(open.size()));
        figures.put("kept by a checkpoint", Integer.toString(byCheckpoint));
        figures.put("checkpoints rerun / completed", kept.size() + " / " + completed);
        figures.put("left open by an Abort the killed emulator missed (known limit, aborted now)",
                Integer.toString(byOutage));
        figures.put("open uploads unexplained", Integer.toString(unexplained.size()));
        boolean passed = unexplained.isEmpty() && completed == kept.size() && left == 0;
        return new Verdict(Verdict.NO_OPEN_UPLOADS, passed, String.format("%d open: %d checkpointed (%d of %d reruns "
                + "completed), %d abandoned during an outage, %d unexplained%s; %d open after", open.size(),
                byCheckpoint, completed, kept.size(), byOutage, unexplained.size(),
                unexplained.isEmpty() ? "" : " e.g. " + unexplained.get(0), left));
    }

    /** Every object in the ledger (the latest line of each key) read back: size and CRC-64 as sent. */
    Verdict objects() throws IOException {
        Map<String, Ledger.Line> latest = new HashMap<>();
        ledger.forEach(line -> latest.put(line.key(), line));
        AtomicLong bad = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<String> examples = new ArrayList<>();
        Flux.fromIterable(latest.values())
                .flatMap(line -> readBack(line.key())
                        .onErrorResume(error -> Mono.just(new long[] {-1, -1}))
                        .doOnNext(read -> {
                            bytes.addAndGet(Math.max(0, read[0]));
                            if (read[0] != line.size() || read[1] != line.crc64()) {
                                bad.incrementAndGet();
                                synchronized (examples) {
                                    if (examples.size() < 3) {
                                        examples.add(line.key() + (read[0] < 0 ? " missing" : " differs"));
                                    }
                                }
                            }
                        }), 8)
                .then()
                .block(WAIT.multipliedBy(3));
        figures.put("objects read back", latest.size() + " (" + String.format("%.2f GiB", bytes.get() / 1073741824.0)
                + ")");
        return new Verdict(Verdict.STORED_IDENTICAL, bad.get() == 0, String.format("%d of %d objects identical%s",
                latest.size() - bad.get(), latest.size(), examples.isEmpty() ? "" : "; " + examples));
    }

    private Mono<long[]> readBack(String key) {
        return Mono.defer(() -> client.getObject(GetObjectRequest.of(bucket, key))
                        .flatMap(content -> content.body().reduce(new long[2], (read, buffer) -> {
                            read[0] += buffer.remaining();
                            read[1] = Crc64.update(read[1], buffer);
                            return read;
                        })))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(200))
                        .filter(error -> !dev.ossflux.core.OssException.hasCode(error, "NoSuchKey")));
    }

    private List<MultipartUpload> openUploads() {
        return client.listMultipartUploads(bucket, "").collectList()
                .retryWhen(Retry.backoff(5, Duration.ofMillis(500))).block(WAIT);
    }

    /** The checkpoints under the soak's checkpoint folder. */
    private List<Kept> checkpointed() throws IOException {
        List<Kept> kept = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.walk(checkpoints)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".ucp.json")).toList()) {
                JsonNode checkpoint = json.readTree(Files.readAllBytes(file));
                kept.add(new Kept(file.getParent(), Path.of(checkpoint.get("file").asString()),
                        checkpoint.get("key").asString(), checkpoint.get("uploadId").asString()));
            }
        }
        return kept;
    }

    /** Resumes one checkpointed upload to completion (a few tries); records it in the ledger. */
    private boolean rerun(Kept checkpoint) throws IOException {
        if (!Files.isRegularFile(checkpoint.file())) {
            return false;
        }
        long size = Files.size(checkpoint.file());
        long crc = crc64(checkpoint.file());
        try {
            UploadResult result = upload(checkpoint.dir(), checkpoint.file(), checkpoint.key());
            if (result.size() != size || result.crc64() != crc) {
                return false;
            }
            ledger.stored(checkpoint.key(), size, crc);
            return true;
        } catch (RuntimeException failed) {
            System.err.println("rerun of " + checkpoint.key() + " failed: " + failed);
            return false;
        }
    }

    static long crc64(Path file) throws IOException {
        long crc = 0;
        byte[] block = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(block); n > 0; n = in.read(block)) {
                crc = Crc64.update(crc, block, 0, n);
            }
        }
        return crc;
    }

    private UploadResult upload(Path checkpointDir, Path file, String key) {
        MultipartUploader uploader = MultipartUploader.create(client, MultipartOptions.builder()
                .partSize(Workload.PART_SIZE).concurrency(4).checkpointDir(checkpointDir).build());
        return uploader.uploadFile(PutObjectRequest.of(bucket, key), file)
                .retryWhen(Retry.backoff(3, Duration.ofMillis(500))).block(WAIT);
    }
}
