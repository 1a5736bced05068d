package dev.kdnet.host.shell;

import dev.kdnet.host.api.Progress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar for long transfers on a terminal; silent when output is not a terminal. */
final class TransferProgress implements Progress, AutoCloseable {
    private final ProgressBar bar;

    private TransferProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static TransferProgress start(PrintWriter out) {
        if (System.console() == null) {
            return new TransferProgress(null);
        }
        return new TransferProgress(new ProgressBarBuilder().setTaskName("dump").setUnit(" MB", 1_000_000)
                .setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate().build());
    }

    @Override
    public void update(long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
