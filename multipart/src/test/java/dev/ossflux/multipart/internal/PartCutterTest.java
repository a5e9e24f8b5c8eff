package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

class PartCutterTest {

    private static final int K = 1024;
    private static final GrowingPartSizes PARTS_OF_300K = new GrowingPartSizes(300 * K);

    @Test
    void cutsBuffersOfAnySizeIntoExactPartsWithoutLosingBytes() {
        byte[] data = new byte[1000 * K];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        List<ByteBuffer> chunks = new ArrayList<>();
        int offset = 0;
        for (int size : new int[] {1, 300 * K - 1, 300 * K, 17, 0, 400 * K - 17}) {
            chunks.add(ByteBuffer.wrap(data, offset, size));
            offset += size;
        }

        List<PartCutter.Part> parts = PartCutter.cut(Flux.fromIterable(chunks), PARTS_OF_300K).collectList()
                .block(Duration.ofSeconds(5));

        assertThat(parts).extracting(PartCutter.Part::number).containsExactly(1, 2, 3, 4);
        assertThat(parts).extracting(PartCutter.Part::size).containsExactly(300L * K, 300L * K, 300L * K, 100L * K);
        assertThat(parts).extracting(PartCutter.Part::full).containsExactly(true, true, true, false);
        ByteBuffer joined = ByteBuffer.allocate(data.length);
        parts.forEach(part -> part.buffers().forEach(buffer -> joined.put(buffer.duplicate())));
        assertThat(joined.array()).isEqualTo(data);
    }

    @Test
    void endsWithAFullPartWhenTheStreamIsAnExactMultiple() {
        StepVerifier.create(PartCutter.cut(Flux.just(ByteBuffer.allocate(600 * K)), PARTS_OF_300K))
                .expectNextMatches(part -> part.full() && part.size() == 300 * K)
                .expectNextMatches(part -> part.full() && part.size() == 300 * K)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void emitsOneEmptyPartForAnEmptyStream() {
        StepVerifier.create(PartCutter.cut(Flux.empty(), PARTS_OF_300K))
                .expectNextMatches(part -> !part.full() && part.size() == 0 && part.number() == 1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void asksTheSourceOnlyForTheBuffersOfRequestedPartsAndOneInHand() {
        TestPublisher<ByteBuffer> source = TestPublisher.create();
        StepVerifier.create(PartCutter.cut(source.flux(), PARTS_OF_300K), 0)
                .then(() -> source.assertMaxRequested(1))
                .thenRequest(1)
                .then(() -> emit(source, 10))
                .assertNext(part -> assertThat(part.size()).isEqualTo(300 * K))
                .then(() -> source.assertMaxRequested(1))
                .thenRequest(1)
                .then(() -> emit(source, 5))
                .expectNoEvent(Duration.ZERO)
                .then(() -> emit(source, 5))
                .assertNext(part -> assertThat(part.number()).isEqualTo(2))
                .then(() -> source.assertMaxRequested(1))
                .then(source::complete)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    /** Emits {@code count} buffers of 30 KiB, each only once the cutter has asked for it. */
    private static void emit(TestPublisher<ByteBuffer> source, int count) {
        for (int i = 0; i < count; i++) {
            source.assertMinRequested(1).next(ByteBuffer.allocate(30 * K));
        }
    }

    @Test
    void growsPartsEveryThousandSoAStreamIsNotCappedAtTenThousandStartSizedParts() {
        ByteBuffer chunk = ByteBuffer.allocate(100 * K);
        Flux<ByteBuffer> stream = Flux.range(0, 1000 + 2000 + 4000 + 1).map(i -> chunk);
        List<PartCutter.Part> parts = PartCutter.cut(stream, new GrowingPartSizes(100 * K)).collectList()
                .block(Duration.ofSeconds(30));
        assertThat(parts.get(999).size()).isEqualTo(100 * K);
        assertThat(parts.get(1000).size()).isEqualTo(200 * K);
        assertThat(parts.get(2000).size()).isEqualTo(400 * K);
        assertThat(parts).hasSize(3001);
        assertThat(parts.get(3000).size()).isEqualTo(100 * K);
        assertThat(parts.get(parts.size() - 1).full()).isFalse();
    }
}
