package dev.ossflux.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.testkit.OssEmulator;
import dev.ossflux.testkit.OssEmulatorExtension;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 5,000 small uploads and four 200 MiB streams through one client with a 64 MiB budget: all
 * succeed, the bytes held never exceed the budget, and small uploads keep completing while the
 * streams run. The emulator runs in sink mode.
 */
class TransferBudgetIT {

    private static final int MIB = 1 << 20;
    private static final long BUDGET = 64L * MIB;

    @RegisterExtension
    final OssEmulatorExtension oss = new OssEmulatorExtension(OssEmulator.builder().bucket("bucket").sink(true));

    @Test
    void keepsEveryUploadWithinOneSharedBudget() {
        ConcurrentLinkedQueue<Instant> smallDone = new ConcurrentLinkedQueue<>();
        try (OssClient client = oss.clientBuilder().maxBytesInFlight(BUDGET).maxConnections(64).build()) {
            MultipartUploader uploader = MultipartUploader.create(client, MultipartOptions.builder()
                    .partSize(8L * MIB).concurrency(4).build());
            Flux<UploadResult> streams = Flux.range(0, 4).flatMap(n -> uploader.upload(
                    PutObjectRequest.of("bucket", "stream-" + n), stream(200)));
            Flux<UploadResult> small = Flux.range(0, 5000).flatMap(n -> client.putObject(
                    PutObjectRequest.of("bucket", "small/" + n), UploadBody.fromBytes(new byte[1024 + n % 4096]))
                    .doOnNext(result -> smallDone.add(Instant.now())), 64);

            List<Instant> streamsDone = streams.map(result -> Instant.now()).collectList()
                    .zipWith(small.then(Mono.just(true)))
                    .map(both -> both.getT1())
                    .block(Duration.ofMinutes(4));

            long peak = client.transferBudget().peakBytes();
            System.out.printf("budget peak %.1f MiB of %d MiB%n", peak / (double) MIB, BUDGET / MIB);
            assertThat(peak).as("bytes held for uploads at once").isLessThanOrEqualTo(BUDGET);
            assertThat(smallDone).hasSize(5000);
            Instant lastStream = streamsDone.stream().max(Instant::compareTo).orElseThrow();
            List<Instant> whileStreaming = smallDone.stream().filter(done -> done.isBefore(lastStream)).sorted()
                    .toList();
            assertThat(whileStreaming).as("small uploads completing while the streams still run").hasSizeGreaterThan(250);
            assertThat(longestGap(whileStreaming)).as("no small upload waits long behind the streams' parts")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    private static Duration longestGap(List<Instant> times) {
        Duration longest = Duration.ZERO;
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        return longest;
    }

    private static Flux<ByteBuffer> stream(int mebibytes) {
        return Flux.range(0, mebibytes).map(i -> ByteBuffer.allocate(MIB).putInt(0, i));
    }
}
