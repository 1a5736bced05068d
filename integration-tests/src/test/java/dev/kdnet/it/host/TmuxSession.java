package dev.kdnet.it.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program running in a real terminal: a detached tmux session on a tmux server of its own (its own socket, no
 * configuration file), which the test types into and reads the screen of. The pane stays after the program ends,
 * so its last screen and exit status can be read; closing kills the server and with it the session.
 */
final class TmuxSession implements AutoCloseable {
    private static final long COMMAND_SECONDS = 10;
    private static final Pattern EXIT_STATUS = Pattern.compile("^\\[exit status (\\d+)]$", Pattern.MULTILINE);

    private final String name;

    private TmuxSession(String name) {
        this.name = name;
    }

    /** True if a {@code tmux} command runs here. */
    static boolean available() {
        try {
            return run(List.of("tmux", "-V")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts {@code command} (one shell command line) in a {@code columns} x {@code rows} terminal, under a shell
     * that prints its exit status when it ends (tmux itself did not always learn the status of a JVM there).
     */
    static TmuxSession start(String name, int columns, int rows, String command) throws IOException {
        TmuxSession session = new TmuxSession(name);
        session.tmux("start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";", "new-session", "-d", "-s",
                name, "-x", String.valueOf(columns), "-y", String.valueOf(rows),
                command + "; echo \"[exit status $?]\"");
        return session;
    }

    /** Types {@code keys}: literal text, or tmux key names such as {@code Enter}, {@code Tab} and {@code Up}. */
    void send(String... keys) throws IOException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** The screen and its scrollback, as text. */
    String screen() throws IOException {
        return tmux("capture-pane", "-p", "-J", "-S", "-1000", "-t", name);
    }

    /**
     * True while the program reads keys one at a time without echo: the pane's terminal has ICANON and ECHO off, the
     * raw mode a line editor such as JLine enters when it starts reading a line and leaves when it returns it. Keys
     * sent in that state reach the editor; keys sent before it are echoed and line-buffered by the terminal itself.
     */
    boolean readsKeys() throws IOException {
        String tty = tmux("display-message", "-p", "-t", name, "#{pane_tty}").strip();
        Result modes = run(List.of("stty", "-F", tty, "-a"));
        if (modes.exitCode() != 0) {
            throw new IOException("stty -F " + tty + " failed: " + modes.output());
        }
        List<String> flags = List.of(modes.output().split("[\\s;]+"));
        return flags.contains("-icanon") && flags.contains("-echo");
    }

    /** The exit status of the program, once the shell it runs under printed it; -1 before. */
    int exitStatus() throws IOException {
        Matcher printed = EXIT_STATUS.matcher(screen());
        return printed.find() ? Integer.parseInt(printed.group(1)) : -1;
    }

    /** Kills the tmux server of this session. */
    @Override
    public void close() throws IOException {
        run(command("kill-server"));
    }

    private String tmux(String... args) throws IOException {
        Result result = run(command(args));
        if (result.exitCode() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + result.output());
        }
        return result.output();
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", name, "-f", "/dev/null"));
        command.addAll(List.of(args));
        return command;
    }

    /** What a tmux command printed (stdout and stderr) and its exit code. */
    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end within " + COMMAND_SECONDS + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + String.join(" ", command), e);
        }
    }
}
