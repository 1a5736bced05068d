package dev.kdnet.host.shell;

import dev.kdnet.host.api.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for long transfers on the shell's {@link StatusLine} (none without a terminal), and a line above
 * it when the transfer goes on after a target reboot.
 */
final class TransferProgress implements Progress, AutoCloseable {
    private final StatusLine status;
    private final long address;
    private final ProgressBar bar;

    private TransferProgress(StatusLine status, long address, ProgressBar bar) {
        this.status = status;
        this.address = address;
        this.bar = bar;
    }

    /** Progress of a transfer starting at {@code address}, shown on {@code status} with its reboot notices. */
    static TransferProgress start(StatusLine status, long address) {
        if (status == StatusLine.NONE) {
            return new TransferProgress(status, address, null);
        }
        return new TransferProgress(status, address, new ProgressBarBuilder().setTaskName("dump")
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
        status.above(String.format("target rebooted at %#x of %#x bytes; re-attached, continuing from %s%n", done,
                total, Hex.address(address + done)));
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
