package dev.kdnet.host.shell;

import dev.kdnet.host.api.Progress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for long transfers on a terminal (silent when output is not a terminal), and a line on the shell's
 * output when the transfer goes on after a target reboot.
 */
final class TransferProgress implements Progress, AutoCloseable {
    private final PrintWriter out;
    private final long address;
    private final ProgressBar bar;

    private TransferProgress(PrintWriter out, long address, ProgressBar bar) {
        this.out = out;
        this.address = address;
        this.bar = bar;
    }

    /** Progress of a transfer starting at {@code address}, its reboot notices printed to {@code out}. */
    static TransferProgress start(PrintWriter out, long address) {
        if (System.console() == null) {
            return new TransferProgress(out, address, null);
        }
        return new TransferProgress(out, address, new ProgressBarBuilder().setTaskName("dump")
                .setUnit(" MB", 1_000_000).setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate().build());
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
        out.printf("target rebooted at %#x of %#x bytes; re-attached, continuing from %s%n", done, total,
                Hex.address(address + done));
        out.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
