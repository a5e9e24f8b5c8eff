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

    static ProgressDisplay create(String task, long totalBytes, PrintStream out) {
        return System.console() != null ? new Bar(task, totalBytes) : new Lines(task, out);
    }

    @Override
    public abstract void close();

    private static final class Bar extends ProgressDisplay {
        private final ProgressBar bar;

        Bar(String task, long totalBytes) {
            this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalBytes)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit("MiB", 1 << 20).showSpeed()
                    .setUpdateIntervalMillis(200).build();
        }

        @Override
        public void onProgress(Progress progress) {
            bar.stepTo(progress.transferredBytes());
            progress.totalParts().ifPresent(parts -> bar.setExtraMessage(progress.completedParts() + "/" + parts
                    + " parts"));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Lines extends ProgressDisplay {
        private final String task;
        private final PrintStream out;
        private final long start = System.nanoTime();
        private final AtomicLong lastLine = new AtomicLong(Long.MIN_VALUE);

        Lines(String task, PrintStream out) {
            this.task = task;
            this.out = out;
        }

        @Override
        public void onProgress(Progress progress) {
            long now = System.nanoTime();
            long last = lastLine.get();
            boolean done = progress.fraction().orElse(0) >= 1.0;
            if ((now - last >= Duration.ofSeconds(1).toNanos() || done) && lastLine.compareAndSet(last, now)) {
                double seconds = Math.max(1e-3, (now - start) / 1e9);
                out.printf("%s: %s of %s (%.0f%%), %s/s, %d parts done%n", task,
                        Sizes.format(progress.transferredBytes()),
                        progress.totalBytes().isPresent() ? Sizes.format(progress.totalBytes().getAsLong()) : "?",
                        progress.fraction().orElse(0) * 100, Sizes.format((long) (progress.transferredBytes() / seconds)),
                        progress.completedParts());
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
