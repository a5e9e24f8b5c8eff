package dev.ossflux.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** Writes a soak's report: {@code NAME.md} (figures, faults, errors, verdicts, samples) and {@code NAME-memory.png}. */
final class SoakReport {

    private SoakReport() {
    }

    static Path write(SoakResult result) throws IOException {
        SoakOptions options = result.options();
        Path dir = Files.createDirectories(options.out());
        Path chart = dir.resolve(options.name() + "-memory.png");
        BitmapEncoder.saveBitmap(chart(result.samples(), options.name()), chart.toString(),
                BitmapEncoder.BitmapFormat.PNG);
        Path report = dir.resolve(options.name() + ".md");
        Files.writeString(report, markdown(result, chart.getFileName().toString()));
        return report;
    }

    static String markdown(SoakResult result, String chart) {
        SoakOptions options = result.options();
        StringBuilder md = new StringBuilder();
        md.append("# Chaos soak: ").append(options.name()).append("\n\n");
        md.append(String.format("`soak` for %s, seed %d, emulator SIGKILLed every %s, a fault every %s on average; "
                        + "samples every %s, flat from %s on.%s%n%n", options.duration(), options.seed(),
                options.killEvery(), options.faultEvery(), options.sampleEvery(), options.flatFrom(),
                options.sabotage().isEmpty() ? "" : " Sabotaged: " + options.sabotage() + "."));
        md.append("**Verdict: ").append(result.passed() ? "PASS" : "FAIL").append("**\n\n");
        md.append("| check | verdict | seen |\n|---|---|---|\n");
        for (Verdict verdict : result.verdicts()) {
            md.append("| ").append(verdict.name()).append(" | ").append(verdict.passed() ? "pass" : "**FAIL**")
                    .append(" | ").append(verdict.seen()).append(" |\n");
        }
        md.append("\n| figure | value |\n|---|---|\n");
        result.figures().forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value)
                .append(" |\n"));
        md.append("\n| fault | injected |\n|---|---|\n");
        result.faults().forEach((kind, count) -> md.append("| ").append(kind.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')).append(" | ").append(count).append(" |\n"));
        md.append("\n| error ending a call | calls |\n|---|---|\n");
        for (Map.Entry<String, Long> error : result.errors().entrySet()) {
            md.append("| `").append(error.getKey()).append("` | ").append(error.getValue()).append(" |\n");
        }
        md.append("\n![heap and direct memory after GC](").append(chart).append(")\n\n```\n")
                .append(Sample.header()).append('\n');
        for (Sample sample : result.samples()) {
            md.append(sample.line()).append('\n');
        }
        return md.append("```\n").toString();
    }

    private static XYChart chart(List<Sample> samples, String name) {
        XYChart chart = new XYChartBuilder().width(900).height(420).title(name + ": client memory after GC")
                .xAxisTitle("minutes").yAxisTitle("MiB").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(4);
        double[] minutes = samples.stream().mapToDouble(sample -> sample.seconds() / 60).toArray();
        chart.addSeries("heap", minutes, samples.stream().mapToDouble(sample -> sample.heapBytes() / 1048576.0)
                .toArray());
        chart.addSeries("direct", minutes, samples.stream().mapToDouble(sample -> sample.directBytes() / 1048576.0)
                .toArray());
        return chart;
    }
}
