package dev.kdnet.sim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * One run of the command line with captured stdout and stderr and a launcher that only records the options it
 * would have run with.
 *
 * @param exitCode the exit code
 * @param out      what went to stdout
 * @param err      what went to stderr
 * @param options  the options handed to the launcher, empty if it was not reached
 */
record CommandRun(int exitCode, String out, String err, Optional<TargetOptions> options) {
    /** Runs {@code args}; the launcher records the options and returns 0. */
    static CommandRun of(String... args) {
        AtomicReference<TargetOptions> launched = new AtomicReference<>();
        return run(options -> {
            launched.set(options);
            return 0;
        }, launched, args);
    }

    /** Runs {@code args} with {@code launcher}. */
    static CommandRun with(TargetLauncher launcher, String... args) {
        return run(launcher, new AtomicReference<>(), args);
    }

    private static CommandRun run(TargetLauncher launcher, AtomicReference<TargetOptions> launched, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TargetMain.commandLine(launcher);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString(), Optional.ofNullable(launched.get()));
    }

    /** The stderr lines. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\\R");
    }
}
