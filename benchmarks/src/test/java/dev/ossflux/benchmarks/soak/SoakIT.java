package dev.ossflux.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.benchmarks.soak.SoakOptions.Sabotage;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos soak in CI: a clean 60-second soak must pass every verdict, and a short soak with every
 * property broken on purpose must fail each verdict that watches one (the clean run first, so that the
 * sabotaged one's leaked threads and held heap cannot spoil it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoakIT {

    @TempDir
    Path out;

    @Test
    @Order(1)
    void aMinuteOfChaosLosesNothingLeaksNothingAndStaysFlat() throws Exception {
        SoakResult result = SoakMain.run(SoakOptions.parse("--seconds", "60", "--flat-from-seconds", "30",
                "--out", out.toString()));

        assertThat(result.verdicts()).allSatisfy(verdict -> assertThat(verdict.passed())
                .as(verdict.name() + ": " + verdict.seen()).isTrue());
        assertThat(result.faults().values()).as("every kind of fault came up").allSatisfy(count ->
                assertThat(count).isPositive());
        assertThat(Long.parseLong(result.figures().get("upload calls").replace(",", ""))).isGreaterThan(100);
        assertThat(SoakReport.write(result)).content().contains("**Verdict: PASS**");
    }

    @Test
    @Order(2)
    void eachVerdictFailsWhenItsPropertyIsBrokenOnPurpose() throws Exception {
        SoakResult result = SoakMain.run(SoakOptions.parse("--seconds", "14", "--kill-every-seconds", "7",
                "--fault-every-ms", "250", "--sample-every-seconds", "2", "--flat-from-seconds", "4",
                "--out", out.toString(), "--sabotage", String.join(",", java.util.Arrays.stream(Sabotage.values())
                        .map(Enum::name).toList())));

        assertThat(result.passed()).isFalse();
        for (String broken : new String[] {Verdict.ONE_CALLBACK, Verdict.STORED_IDENTICAL, Verdict.TYPED_ERRORS,
                Verdict.NO_OPEN_UPLOADS, Verdict.NO_LEAKS, Verdict.HEAP_FLAT, Verdict.THREADS_FLAT}) {
            Verdict verdict = result.verdict(broken);
            assertThat(verdict.passed()).as(broken + ": " + verdict.seen()).isFalse();
        }
    }
}
