package dev.ossflux.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakOptionsTest {

    @Test
    void aLongSoakKillsEveryThreeMinutesSamplesEveryMinuteAndJudgesFromMinuteFive() {
        SoakOptions options = SoakOptions.parse("soak", "--minutes", "30");

        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.killEvery()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.sampleEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.flatFrom()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.name()).isEqualTo("soak-30min");
        assertThat(options.sabotage()).isEmpty();
    }

    @Test
    void aShortSoakScalesItsKillsAndSamplesAndTakesEveryFlag() {
        SoakOptions options = SoakOptions.parse("--seconds", "60", "--seed", "7", "--fault-every-ms", "250",
                "--out", "x", "--name", "n", "--sabotage", "retry-callbacks,LEAK_BUFFERS");

        assertThat(options.killEvery()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.sampleEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.flatFrom()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.faultEvery()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.out()).isEqualTo(Path.of("x"));
        assertThat(options.name()).isEqualTo("n");
        assertThat(options.sabotage()).containsExactlyInAnyOrder(SoakOptions.Sabotage.RETRY_CALLBACKS,
                SoakOptions.Sabotage.LEAK_BUFFERS);
    }

    @Test
    void refusesWhatCannotRun() {
        assertThatThrownBy(() -> SoakOptions.parse("--minutes", "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> SoakOptions.parse("--minutes")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SoakOptions.parse("--hours", "1")).hasMessageContaining("unknown flag");
        assertThatThrownBy(() -> SoakOptions.parse("--seconds", "30", "--flat-from-seconds", "30"))
                .hasMessageContaining("before the end");
        assertThatThrownBy(() -> SoakOptions.parse("--sabotage", "nothing")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void flatMeansTheLastSamplesWithinTenPercentAndTheSlackOfTheFirstJudged() {
        assertThat(heapVerdict(10, 10, 10, 10.5, 11, 11).passed()).isTrue();
        assertThat(heapVerdict(10, 10, 10, 12, 13, 14).passed()).isFalse();
        assertThat(heapVerdict(10, 10, 10, 30, 10, 10).passed()).as("one spike is not growth").isTrue();
        assertThat(heapVerdict(10, 10, 10).passed()).as("too few samples to judge").isFalse();
    }

    private static Verdict heapVerdict(double... mib) {
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(0, 100));
        for (int i = 0; i < mib.length; i++) {
            samples.add(sample(10 + i, mib[i]));
        }
        return Verdict.flat(Verdict.HEAP_FLAT, samples, 10, Sample::heapBytes, 0, "MiB", 1 << 20);
    }

    private static Sample sample(double seconds, double heapMib) {
        return new Sample(seconds, (long) (heapMib * (1 << 20)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
