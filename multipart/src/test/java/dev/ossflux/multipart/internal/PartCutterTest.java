package dev.ossflux.multipart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class PartCutterTest {

    @Test
    void cutsBuffersOfAnySizeIntoExactPartsWithoutLosingBytes() {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        List<ByteBuffer> chunks = new ArrayList<>();
        int[] sizes = {1, 299, 300, 17, 0, 383};
        int offset = 0;
        for (int size : sizes) {
            chunks.add(ByteBuffer.wrap(data, offset, size));
            offset += size;
        }

        List<PartCutter.Part> parts = PartCutter.cut(Flux.fromIterable(chunks), 300).collectList()
                .block(Duration.ofSeconds(5));

        assertThat(parts).extracting(PartCutter.Part::number).containsExactly(1, 2, 3, 4);
        assertThat(parts).extracting(PartCutter.Part::size).containsExactly(300L, 300L, 300L, 100L);
        assertThat(parts).extracting(PartCutter.Part::full).containsExactly(true, true, true, false);
        ByteBuffer joined = ByteBuffer.allocate(1000);
        parts.forEach(part -> part.buffers().forEach(buffer -> joined.put(buffer.duplicate())));
        assertThat(joined.array()).isEqualTo(data);
    }

    @Test
    void endsWithAFullPartWhenTheStreamIsAnExactMultiple() {
        StepVerifier.create(PartCutter.cut(Flux.just(ByteBuffer.allocate(600)), 300))
                .expectNextMatches(part -> part.full() && part.size() == 300)
                .expectNextMatches(part -> part.full() && part.size() == 300)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void emitsOneEmptyPartForAnEmptyStream() {
        StepVerifier.create(PartCutter.cut(Flux.empty(), 300))
                .expectNextMatches(part -> !part.full() && part.size() == 0 && part.number() == 1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void readsFromTheSourceOnlyWhatRequestedPartsNeed() {
        AtomicLong produced = new AtomicLong();
        Flux<ByteBuffer> endless = Flux.<ByteBuffer>generate(sink -> sink.next(ByteBuffer.allocate(100)))
                .doOnNext(buffer -> produced.incrementAndGet()).hide();
        StepVerifier.create(PartCutter.cut(endless, 1000), 2)
                .expectNextCount(2)
                .thenAwait(Duration.ofMillis(50))
                .then(() -> assertThat(produced.get()).as("two parts of ten buffers, plus at most one in hand")
                        .isBetween(20L, 21L))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }
}
