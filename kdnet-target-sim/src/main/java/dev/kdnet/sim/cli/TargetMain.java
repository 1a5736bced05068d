package dev.kdnet.sim.cli;

import dev.kdnet.protocol.cli.HelpLayout;
import picocli.CommandLine;

/** Entry point of {@code ./kdnet target} ({@code java -jar kdnet-target-sim.jar}). */
public final class TargetMain {
    /** Start of every line the command line itself prints on stderr. */
    static final String PREFIX = "kdnet target: ";
    /** Exit code when the targets cannot run. */
    static final int FAILURE = 1;

    private TargetMain() {
    }

    /** Runs the command line and exits with its code: 0 after --help or --newkey, 2 for a usage mistake. */
    public static void main(String[] args) {
        System.exit(commandLine(new TargetRunner(System.out)).execute(args));
    }

    /**
     * The command line with {@code launcher} behind it. Every mistake and failure is one line on stderr:
     * picocli's own parse errors and ours exit with 2, a failure to run with 1.
     */
    static CommandLine commandLine(TargetLauncher launcher) {
        CommandLine commandLine = new CommandLine(new TargetCommand(launcher));
        HelpLayout.apply(commandLine);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(PREFIX + e.getMessage());
            return TargetCommand.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            command.getErr().println(PREFIX + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return FAILURE;
        });
        return commandLine;
    }
}
