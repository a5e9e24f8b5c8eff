package dev.ossflux.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.OssClient;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class ConcurrentConnectionsIT {

    private static final int CONNECTIONS = 1000;

    @Test
    void holdsAThousandConcurrentConnections() throws InterruptedException {
        try (OssEmulator oss = OssEmulator.start("examplebucket");
                OssClient client = oss.clientBuilder().maxConnections(CONNECTIONS).build()) {
            // Each request is held 8 s, long enough for all 1,000 connections to open even on two busy cores.
            oss.inject(Operation.PUT_OBJECT, Fault.delay(Duration.ofSeconds(8)).times(CONNECTIONS));

            StepVerifier.create(Flux.range(0, CONNECTIONS)
                            .flatMap(i -> client.putObject(PutObjectRequest.of("examplebucket", "c/" + i),
                                    UploadBody.fromString("object " + i)), CONNECTIONS)
                            .count())
                    .expectNext((long) CONNECTIONS)
                    .expectComplete()
                    .verify(Duration.ofSeconds(60));

            List<RecordedRequest> requests = Requests.take(oss, Operation.PUT_OBJECT, CONNECTIONS);
            assertThat(requests).hasSize(CONNECTIONS).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(maxInFlight(requests)).isEqualTo(CONNECTIONS);
        }
    }

    private static int maxInFlight(List<RecordedRequest> requests) {
        List<Map.Entry<Instant, Integer>> events = new ArrayList<>();
        requests.forEach(r -> {
            events.add(Map.entry(r.arrivedAt(), 1));
            events.add(Map.entry(r.completedAt(), -1));
        });
        events.sort(Map.Entry.<Instant, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        int current = 0;
        int max = 0;
        for (Map.Entry<Instant, Integer> event : events) {
            current += event.getValue();
            max = Math.max(max, current);
        }
        return max;
    }
}
