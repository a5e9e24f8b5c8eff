package dev.ossflux.samples.cli;

import dev.ossflux.core.Progress;
import dev.ossflux.core.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows upload progress: a live bar with rate and ETA on a terminal, plain lines (at most one per
 * second) otherwise. Called from I/O threads, so it only records and lets the bar draw itself.
 */
abstract sealed class ProgressDisplay implements ProgressListener, AutoCloseable {

    /** A display for {@code totalBytes} whose progress counts {@code units} done (parts, or files). */
    static ProgressDisplay create(String task, long totalBytes, String units, PrintStream out) {
        return System.console() != null ? new Bar(task, totalBytes, units) : new Lines(task, totalBytes, units, out);
    }

    @Override
    public abstract void close();

    private static final class Bar extends ProgressDisplay {
        private final ProgressBar bar;
        private final String units;

        Bar(String task, long totalBytes, String units) {
            this.units = units;
            this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalBytes)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit("MiB", 1 << 20).showSpeed()
                    .setUpdateIntervalMillis(200).build();
        }

        @Override
        public void onProgress(Progress progress) {
            bar.stepTo(progress.transferredBytes());
            bar.setExtraMessage(progress.completedParts()
                    + progress.totalParts().stream().mapToObj(total -> "/" + total).findFirst().orElse("")
                    + " " + units);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Lines extends ProgressDisplay {
        private final String task;
        private final long totalBytes;
        private final String units;
        private final PrintStream out;
        private final long start = System.nanoTime();
        private final AtomicLong lastLine = new AtomicLong(Long.MIN_VALUE);

        Lines(String task, long totalBytes, String units, PrintStream out) {
            this.task = task;
            this.totalBytes = totalBytes;
            this.units = units;
            this.out = out;
        }

        @Override
        public void onProgress(Progress progress) {
            long now = System.nanoTime();
            long last = lastLine.get();
            double fraction = totalBytes == 0 ? 1.0 : Math.min(1.0, progress.transferredBytes() / (double) totalBytes);
            if ((now - last >= Duration.ofSeconds(1).toNanos() || fraction >= 1.0)
                    && lastLine.compareAndSet(last, now)) {
                double seconds = Math.max(1e-3, (now - start) / 1e9);
                out.printf("%s: %s of %s (%.0f%%), %s/s, %d %s done%n", task,
                        Sizes.format(progress.transferredBytes()), Sizes.format(totalBytes), fraction * 100,
                        Sizes.format((long) (progress.transferredBytes() / seconds)), progress.completedParts(), units);
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
