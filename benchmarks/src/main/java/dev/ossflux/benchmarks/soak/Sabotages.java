package dev.ossflux.benchmarks.soak;

import dev.ossflux.benchmarks.soak.SoakOptions.Sabotage;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Mono;

/**
 * The properties a soak breaks on purpose ({@code --sabotage}), to prove that its verdicts catch them;
 * with none, every method leaves things as they are.
 */
final class Sabotages {

    private final Set<Sabotage> on;
    private final OssClient client;
    private final String bucket;
    private final Tally tally;
    private final List<byte[]> held = new ArrayList<>();
    private int samples;

    Sabotages(Set<Sabotage> on, OssClient client, String bucket, Tally tally) {
        this.on = on;
        this.client = client;
        this.bucket = bucket;
        this.tally = tally;
    }

    /** A small PutObject as the sabotaged client makes it. */
    Mono<UploadResult> smallPut(Mono<UploadResult> put, int call, String key) {
        Mono<UploadResult> sabotaged = put;
        if (on.contains(Sabotage.RETRY_CALLBACKS)) {
            sabotaged = sabotaged.retry(3);
        }
        if (on.contains(Sabotage.DELETE_STORED) && call % 20 == 0) {
            sabotaged = sabotaged.flatMap(result -> client.deleteObject(bucket, key)
                    .doOnSuccess(deleted -> tally.sabotagedDeletes.increment())
                    .onErrorResume(error -> Mono.empty())
                    .thenReturn(result));
        }
        if (on.contains(Sabotage.UNTYPED_ERRORS) && call % 50 == 0) {
            sabotaged = sabotaged.then(Mono.error(new RuntimeException("sabotaged")));
        }
        return sabotaged;
    }

    /** Breaks the sampled properties a little more, once per sample (on the sampling thread). */
    synchronized void everySample() {
        samples++;
        if (on.contains(Sabotage.ORPHAN_UPLOADS)) {
            client.initiateMultipartUpload(PutObjectRequest.of(bucket, "orphans/" + samples))
                    .onErrorResume(error -> Mono.empty())
                    .block(Duration.ofSeconds(30));
        }
        if (on.contains(Sabotage.LEAK_BUFFERS)) {
            ByteBufAllocator.DEFAULT.directBuffer(64).writeLong(samples);
        }
        if (on.contains(Sabotage.HOLD_HEAP)) {
            byte[] block = new byte[8 << 20];
            block[samples % block.length] = 1;
            held.add(block);
        }
        for (int i = 0; on.contains(Sabotage.LEAK_THREADS) && i < 4; i++) {
            Thread parked = new Thread(() -> {
                while (true) {
                    LockSupport.park();
                }
            }, "soak-sabotage-" + samples + "-" + i);
            parked.setDaemon(true);
            parked.start();
        }
    }
}
