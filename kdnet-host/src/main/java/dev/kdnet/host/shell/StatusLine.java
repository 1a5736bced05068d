package dev.kdnet.host.shell;

/**
 * The bottom line of a terminal, where a long transfer shows its progress while other lines (a log line, the
 * target's DbgPrint, a reboot notice) go above it without breaking into it.
 */
public interface StatusLine {
    /** No terminal: no progress is shown, and lines above go nowhere. */
    StatusLine NONE = new StatusLine() {
        @Override
        public void show(String line) {
        }

        @Override
        public void end() {
        }

        @Override
        public void above(String text) {
        }

        @Override
        public int width() {
            return 0;
        }
    };

    /** Shows {@code line} as the status line, in place of the previous one. */
    void show(String line);

    /** Leaves the status line as it is shown and moves below it; the next {@link #show} starts a new one. */
    void end();

    /** Prints {@code text} (one or more lines) above the status line. */
    void above(String text);

    /** The terminal's width in columns. */
    int width();
}
