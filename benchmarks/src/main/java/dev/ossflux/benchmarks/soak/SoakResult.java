package dev.ossflux.benchmarks.soak;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a soak saw: its samples, its verdicts, and its figures (uploads, faults by kind, errors by class,
 * recoveries, the checks' counts), in the order the report shows them.
 */
record SoakResult(SoakOptions options, List<Sample> samples, List<Verdict> verdicts, Map<String, String> figures,
        Map<Chaos.Kind, Long> faults, Map<String, Long> errors) {

    boolean passed() {
        return verdicts.stream().allMatch(Verdict::passed);
    }

    Verdict verdict(String name) {
        return verdicts.stream().filter(verdict -> verdict.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(name));
    }
}
