package dev.kdnet.host.cli;

import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * Keys typed while a command runs: the terminal neither echoes them nor hands them to the next prompt. While a
 * command runs the terminal is {@linkplain #quiet quiet} (line mode without echo, Ctrl-C still a signal); before
 * the prompt reads the next line, what was typed meanwhile is {@linkplain #discard discarded}, so an arrow key's
 * escape sequence cannot turn into a command.
 */
final class TypeAhead {
    /** How long the discard waits for a further key: typed keys are already in the terminal's queue, at once. */
    private static final long DRAIN_POLL_MILLIS = 10;

    private TypeAhead() {
    }

    /** {@code editing} without echo and in line mode: keys typed now wait unseen in the terminal's line buffer. */
    static Attributes quiet(Attributes editing) {
        Attributes quiet = new Attributes(editing);
        quiet.setLocalFlag(LocalFlag.ECHO, false);
        quiet.setLocalFlag(LocalFlag.ICANON, true);
        quiet.setLocalFlag(LocalFlag.ISIG, true);
        return quiet;
    }

    /**
     * Reads and drops every key typed so far, then leaves the terminal {@linkplain #quiet quiet} for the line editor
     * (which enters its own raw mode and restores this one when it returns). The drain reads in character mode
     * with echo on, so it is not taken for the editor's raw mode (character mode without echo).
     */
    static void discard(Terminal terminal, Attributes editing) throws IOException {
        Attributes draining = new Attributes(editing);
        draining.setLocalFlag(LocalFlag.ICANON, false);
        draining.setLocalFlag(LocalFlag.ECHO, true);
        draining.setControlChar(ControlChar.VMIN, 1);
        draining.setControlChar(ControlChar.VTIME, 0);
        terminal.setAttributes(draining);
        NonBlockingReader keys = terminal.reader();
        while (keys.read(DRAIN_POLL_MILLIS) >= 0) {
            // dropped: typed while a command ran
        }
        terminal.setAttributes(quiet(editing));
    }
}
