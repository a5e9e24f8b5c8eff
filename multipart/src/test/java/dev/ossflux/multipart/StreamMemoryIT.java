package dev.ossflux.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.OssEmulatorExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * A 300 MiB stream of unknown length uploads while the heap holds at most concurrency × part size
 * plus a margin: the emulator runs in sink mode (bodies hashed, then dropped), so what the heap
 * holds is the client's.
 */
class StreamMemoryIT {

    private static final int MIB = 1 << 20;
    private static final int CONCURRENCY = 4;
    private static final long PART = 8L * MIB;
    private static final long MARGIN = 64L * MIB;

    @RegisterExtension
    final OssEmulatorExtension oss = new OssEmulatorExtension(OssEmulator.builder().bucket("bucket").sink(true));

    @Test
    void uploadsA300MibStreamWithinConcurrencyTimesPartSize() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        long baseline = usedAfterGc(memory);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(usedAfterGc(memory), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");

        long size = 300L * MIB;
        Flux<ByteBuffer> stream = Flux.range(0, (int) (size / MIB)).map(i -> {
            ByteBuffer chunk = ByteBuffer.allocate(MIB);
            chunk.putInt(0, i);
            return chunk;
        });
        UploadResult result;
        try (OssClient client = oss.clientBuilder().build()) {
            MultipartUploader uploader = MultipartUploader.create(client, MultipartOptions.builder()
                    .partSize(PART).concurrency(CONCURRENCY).build());
            sampler.start();
            result = uploader.upload(PutObjectRequest.of("bucket", "stream.bin"), stream)
                    .block(Duration.ofMinutes(3));
        } finally {
            sampler.interrupt();
            sampler.join();
        }

        assertThat(result.size()).isEqualTo(size);
        long growth = peak.get() - baseline;
        System.out.printf("300 MiB stream: heap growth after GC %.1f MiB (bound %d MiB)%n", growth / (double) MIB,
                (CONCURRENCY * PART + MARGIN) / MIB);
        assertThat(growth).as("heap growth after GC, bytes; bound %d", CONCURRENCY * PART + MARGIN)
                .isLessThan(CONCURRENCY * PART + MARGIN);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
