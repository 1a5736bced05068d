package dev.kdnet.host.shell;

import dev.kdnet.host.api.Progress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for long transfers on the shell's {@link StatusLine} (none without a terminal), and a line when
 * the transfer goes on after a target reboot: above the bar, or on the shell's output without one.
 */
final class TransferProgress implements Progress, AutoCloseable {
    private final PrintWriter out;
    private final StatusLine status;
    private final long address;
    private final ProgressBar bar;

    private TransferProgress(PrintWriter out, StatusLine status, long address, ProgressBar bar) {
        this.out = out;
        this.status = status;
        this.address = address;
        this.bar = bar;
    }

    /**
     * Progress of a transfer starting at {@code address}, shown on {@code status}; its reboot notices go above the
     * status line, or to {@code out} if there is none.
     */
    static TransferProgress start(PrintWriter out, StatusLine status, long address) {
        if (status == StatusLine.NONE) {
            return new TransferProgress(out, status, address, null);
        }
        return new TransferProgress(out, status, address, new ProgressBarBuilder().setTaskName("dump")
                .setUnit(" MB", 1_000_000).setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate()
                .setConsumer(new OnStatusLine(status)).build());
    }

    @Override
    public void update(long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        }
    }

    @Override
    public void resumedAfterReboot(long done, long total) {
        String notice = String.format("target rebooted at %#x of %#x bytes; re-attached, continuing from %s%n", done,
                total, Hex.address(address + done));
        if (bar == null) {
            out.print(notice);
            out.flush();
        } else {
            status.above(notice);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** Draws the bar on the status line (the bar's own console output would break into the prompt's lines). */
    private record OnStatusLine(StatusLine status) implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return Math.max(1, status.width() - 1);
        }

        @Override
        public void accept(String rendered) {
            status.show(rendered);
        }

        @Override
        public void close() {
            status.end();
        }
    }
}
