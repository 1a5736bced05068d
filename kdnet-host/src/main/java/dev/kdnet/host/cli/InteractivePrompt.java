package dev.kdnet.host.cli;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.shell.Shell;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive {@code kd>} prompt: JLine with history (kept in {@code ~/.kdnet_history}) and Tab completion of
 * command names; DbgPrint output appears above the prompt as it arrives; Ctrl-C while the target runs breaks in.
 */
final class InteractivePrompt {
    private static final Path HISTORY = Path.of(System.getProperty("user.home"), ".kdnet_history");

    private final TargetRoster targets;

    InteractivePrompt(TargetRoster targets) {
        this.targets = targets;
    }

    /**
     * Reads and runs commands until {@code q} or end of input; returns the exit code, 0: at the prompt a failed
     * command was reported when it failed, and only {@code -c} and {@code --script} end with 1 for one.
     */
    int run() throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintWriter out = terminal.writer();
            Shell shell = new Shell(targets, out, DebugSession.GO_TIMEOUT);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("kdnet")
                    .completer(new StringsCompleter(shell.commandNames()))
                    .variable(LineReader.HISTORY_FILE, HISTORY).build();
            terminal.handle(Terminal.Signal.INT, signal -> breakInIfRunning());
            targets.announceTo(text -> reader.printAbove(text.stripTrailing()));
            while (!shell.quitRequested()) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                shell.execute(line);
            }
            reader.getHistory().save();
            targets.detachAll();
            return 0;
        }
    }

    private void breakInIfRunning() {
        Debugger debugger = targets.current();
        if (!debugger.isStopped()) {
            Thread breaker = new Thread(debugger::breakIn, "kdnet-break-in");
            breaker.setDaemon(true);
            breaker.start();
        }
    }
}
