package dev.kdnet.host.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of {@code ./kdnet host} with stdout and stderr captured.
 *
 * @param exitCode the exit code
 * @param out      stdout
 * @param err      stderr
 */
record HostRun(int exitCode, String out, String err) {
    /** Runs the command line with {@code args}. */
    static HostRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = HostMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new HostRun(exitCode, out.toString(), err.toString());
    }

    /** The stdout lines. */
    List<String> outLines() {
        return out.lines().toList();
    }

    /** The stderr lines. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
