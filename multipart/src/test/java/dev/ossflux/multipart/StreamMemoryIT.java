package dev.ossflux.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadResult;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.OssEmulatorExtension;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * A 300 MiB stream of unknown length uploads while its parts hold at most (concurrency + 1) × part size: a
 * streaming upload reserves room in the client's transfer budget before it reads a part from its
 * source and gives it back once the part is sent, so the budget's peak is the most the upload held.
 * The emulator runs in sink mode (bodies hashed, then dropped).
 */
class StreamMemoryIT {

    private static final int MIB = 1 << 20;
    private static final int CONCURRENCY = 4;
    private static final long PART = 8L * MIB;
    /** Far more than the stream needs, so that it never waits; a budget is set only to have its peak counted. */
    private static final long BUDGET = 1L << 40;

    @RegisterExtension
    final OssEmulatorExtension oss = new OssEmulatorExtension(OssEmulator.builder().bucket("bucket").sink(true));

    @Test
    void uploadsA300MibStreamHoldingAtMostConcurrencyPlusOneParts() {
        long size = 300L * MIB;
        Flux<ByteBuffer> stream = Flux.range(0, (int) (size / MIB)).map(i -> ByteBuffer.allocate(MIB).putInt(0, i));
        try (OssClient client = oss.clientBuilder().maxBytesInFlight(BUDGET).build()) {
            MultipartUploader uploader = MultipartUploader.create(client, MultipartOptions.builder()
                    .partSize(PART).concurrency(CONCURRENCY).build());

            UploadResult result = uploader.upload(PutObjectRequest.of("bucket", "stream.bin"), stream)
                    .block(Duration.ofMinutes(3));

            assertThat(result.size()).isEqualTo(size);
            long peak = client.transferBudget().peakBytes();
            System.out.printf("300 MiB stream: at most %.1f MiB held for parts (bound %d MiB)%n",
                    peak / (double) MIB, (CONCURRENCY + 1) * PART / MIB);
            assertThat(peak).as("bytes held for parts at once: those being sent and one read ahead")
                    .isBetween(CONCURRENCY * PART, (CONCURRENCY + 1) * PART);
            assertThat(client.transferBudget().bytesInUse()).as("bytes still held").isZero();
        }
    }
}
