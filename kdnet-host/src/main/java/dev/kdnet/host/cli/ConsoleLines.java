package dev.kdnet.host.cli;

import dev.kdnet.host.shell.StatusLine;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.jline.reader.LineReader;

/**
 * One terminal shared by the commands' output, a status line at the bottom (a transfer's progress bar) and lines
 * that arrive on their own (log lines, the target's DbgPrint): those go above the line being edited while the
 * prompt reads (JLine's {@code printAbove}), and above the status line while a command shows one (the status line
 * is cleared, the lines printed, the status line drawn again), so neither breaks into the other.
 */
final class ConsoleLines implements StatusLine {
    /** Back to the start of the line, then erase to its end (ANSI EL). */
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter terminal;
    private final Optional<LineReader> editor;
    private final IntSupplier width;
    private String status;

    /**
     * Lines on {@code terminal}, {@code width} columns wide; {@code editor} is the prompt's line editor, if there is
     * one.
     */
    ConsoleLines(PrintWriter terminal, Optional<LineReader> editor, IntSupplier width) {
        this.terminal = terminal;
        this.editor = editor;
        this.width = width;
    }

    @Override
    public synchronized void show(String line) {
        status = line;
        terminal.print(CLEAR_LINE + line);
        terminal.flush();
    }

    @Override
    public synchronized void end() {
        if (status != null) {
            status = null;
            terminal.println();
            terminal.flush();
        }
    }

    @Override
    public synchronized void above(String text) {
        String lines = text.stripTrailing();
        if (editor.isPresent() && editor.get().isReading()) {
            editor.get().printAbove(lines);
            return;
        }
        if (status != null) {
            terminal.print(CLEAR_LINE);
        }
        terminal.println(lines);
        if (status != null) {
            terminal.print(status);
        }
        terminal.flush();
    }

    @Override
    public int width() {
        return width.getAsInt();
    }
}
