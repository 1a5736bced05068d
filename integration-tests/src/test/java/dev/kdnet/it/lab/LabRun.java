package dev.kdnet.it.lab;

import dev.kdnet.host.cli.HostMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One {@code ./kdnet lab} run in this JVM, as the launcher runs it ({@code ./kdnet host lab}), its stdout (the
 * lab's own lines) and stderr (the host's and target's output) kept.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record LabRun(int exitCode, String out, String err) {
    /** Runs the lab with {@code options}. */
    static LabRun of(String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = HostMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("lab"));
        args.addAll(List.of(options));
        int exit = commandLine.execute(args.toArray(String[]::new));
        return new LabRun(exit, out.toString(), err.toString());
    }

    /** The lab's line that starts with {@code start} after its prefix, or an empty string. */
    String line(String start) {
        return out.lines().filter(line -> line.startsWith("lab: " + start)).findFirst().orElse("");
    }

    /** Both outputs, for assertion messages. */
    String transcript() {
        return "stdout:\n" + out + "\nstderr:\n" + err;
    }
}
