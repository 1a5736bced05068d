package dev.kdnet.host.cli;

import dev.kdnet.host.shell.Shell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive {@code N: kd>} prompt: JLine with history (kept in {@code ~/.kdnet_history}) and Tab completion
 * of command names. Log lines and what the targets print and do appear above the prompt (and above a transfer's
 * progress bar) as they arrive. Ctrl-C while a command runs cancels it: {@code g} breaks in, a transfer stops;
 * Ctrl-C at the prompt breaks in if the current target runs. Keys typed while a command runs are neither echoed nor
 * taken as the next command.
 */
final class InteractivePrompt {
    private static final Path HISTORY = Path.of(System.getProperty("user.home"), ".kdnet_history");
    /** What Ctrl-C at the prompt does while the target runs (after a {@code g} whose break-in got no stop). */
    private static final String BREAK_IN = ".breakin";

    private final TargetRoster targets;
    private final HostLog log;

    InteractivePrompt(TargetRoster targets, HostLog log) {
        this.targets = targets;
        this.log = log;
    }

    /**
     * Reads and runs commands until {@code q} or end of input; returns the exit code, 0: at the prompt a failed
     * command was reported when it failed, and only {@code -c} and {@code --script} end with 1 for one.
     */
    int run() throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Attributes editing = terminal.getAttributes();
            try {
                prompt(terminal, editing);
            } finally {
                terminal.setAttributes(editing);
            }
            return 0;
        }
    }

    private void prompt(Terminal terminal, Attributes editing) throws Exception {
        List<String> commandNames = new ArrayList<>();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("kdnet")
                .completer(new StringsCompleter(() -> commandNames)).variable(LineReader.HISTORY_FILE, HISTORY)
                .build();
        ConsoleLines console = new ConsoleLines(terminal.writer(), Optional.of(reader), terminal::getWidth);
        Shell shell = new Shell(targets, terminal.writer(), Optional.empty(), console);
        commandNames.addAll(shell.commandNames());
        RunningCommand running = new RunningCommand();
        terminal.handle(Terminal.Signal.INT, signal -> running.interrupt());
        targets.announceTo(console::above);
        log.showOn(console::above);
        try {
            while (!shell.quitRequested()) {
                TypeAhead.discard(terminal, editing);
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    line = targets.current().isStopped() ? "" : BREAK_IN;
                } catch (EndOfFileException e) {
                    break;
                }
                String command = line;
                running.run(() -> shell.execute(command));
            }
        } finally {
            log.showOnStderr();
        }
        reader.getHistory().save();
        targets.detachAll();
    }
}
