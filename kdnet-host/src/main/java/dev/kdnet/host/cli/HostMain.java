package dev.kdnet.host.cli;

import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.cli.HelpLayout;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** Entry point of {@code ./kdnet host} ({@code java -jar kdnet-host.jar}). */
public final class HostMain {
    /** Start of every line the command line itself prints on stderr. */
    public static final String PREFIX = "kdnet host: ";
    /** Exit code of a usage mistake: unknown command or option, bad key, unreadable capture. */
    public static final int USAGE = UsageException.EXIT_CODE;
    /** Exit code when a command fails for another reason. */
    public static final int FAILURE = 1;

    private HostMain() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line. Every mistake and failure is one line on stderr starting with {@link #PREFIX}: parse errors
     * and {@link UsageException}s exit with {@link #USAGE}, anything else with {@link #FAILURE}.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new HostCommand());
        HelpLayout.apply(commandLine);
        LauncherSpelling.apply(commandLine.getSubcommands().get(DemoCommand.NAME), DemoCommand.SPELLING);
        LauncherSpelling.apply(commandLine.getSubcommands().get(FleetLoadCommand.NAME), FleetLoadCommand.SPELLING);
        HostLoadCommand.withoutBaseline(commandLine.getSubcommands().get(HostLoadCommand.NAME));
        LauncherSpelling.apply(commandLine.getSubcommands().get(RulesCommand.NAME), RulesCommand.SPELLING);
        LauncherSpelling.apply(commandLine.getSubcommands().get(LabCommand.NAME), LabCommand.SPELLING);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(PREFIX + oneLine(parseError(e)));
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            command.getErr().println(PREFIX + oneLine(e.getMessage() != null ? e.getMessage() : e.toString()));
            return e instanceof UsageException ? USAGE : FAILURE;
        });
        return commandLine;
    }

    private static String parseError(CommandLine.ParameterException e) {
        CommandLine where = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched && !where.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'; expected "
                    + HostCommand.commandNames(where) + " (" + where.getCommandName() + " --help)";
        }
        return e.getMessage();
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
