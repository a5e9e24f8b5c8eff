package dev.ossflux.benchmarks.load;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** One PNG per scenario: throughput (MB/s) beside client CPU per GB, a bar per contender. */
final class Charts {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 380;
    private static final Color[] COLORS = {new Color(0x2b8a3e), new Color(0x69db7c), new Color(0xc92a2a),
        new Color(0xe67700), new Color(0x495057)};

    private Charts() {
    }

    static List<Path> write(Path dir, List<Report.ScenarioResults> scenarios) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        for (Report.ScenarioResults s : scenarios) {
            List<RunResult> ok = s.results().stream().filter(RunResult::ok).toList();
            if (ok.isEmpty()) {
                continue;
            }
            List<String> names = ok.stream().map(run -> run.contender()
                    + (run.configuration().isEmpty() ? "" : " (" + run.configuration() + ")")).toList();
            CategoryChart throughput = chart("Scenario " + s.scenario().id() + " (" + s.server() + "): throughput",
                    "MB/s", names,
                    ok.stream().map(RunResult::mbPerSec).toList());
            CategoryChart cpu = chart("client CPU per GB (lower is better)", "CPU s/GB", names,
                    ok.stream().map(RunResult::cpuSecondsPerGb).toList());
            BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.drawImage(BitmapEncoder.getBufferedImage(throughput), 0, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(cpu), WIDTH, 0, null);
            g.dispose();
            Path file = dir.resolve("scenario-" + s.scenario().id() + "-" + s.server() + ".png");
            ImageIO.write(image, "png", file.toFile());
            written.add(file);
        }
        return written;
    }

    private static CategoryChart chart(String title, String axis, List<String> names, List<Double> values) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(axis)
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsPosition(0.9);
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setDecimalPattern("#,##0.##");
        for (int i = 0; i < names.size(); i++) {
            List<String> x = new ArrayList<>(names);
            List<Double> y = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                y.add(j == i ? values.get(j) : null);
            }
            chart.addSeries(names.get(i), x, y).setFillColor(COLORS[i % COLORS.length]);
        }
        return chart;
    }
}
