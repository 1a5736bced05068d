package dev.kdnet.host.cli;

import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.cli.ProjectVersion;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The top-level {@code ./kdnet host} command. It only dispatches: each subcommand is one class listed in
 * {@code subcommands}; a new one (listen, demo, relay) is added there.
 */
@Command(name = "./kdnet host", sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = ProjectVersion.class,
        subcommands = {ListenCommand.class, DemoCommand.class, KeygenCommand.class, DecodeCommand.class,
            RelayCommand.class, HostLoadCommand.class, FleetLoadCommand.class, DoctorCommand.class,
            RulesCommand.class, LabCommand.class,
            HelpSubcommand.class},
        description = {
            "The debugger host side of KDNET, Windows kernel debugging over encrypted UDP.",
            ""},
        commandListHeading = "%nCommands:%n",
        footer = {
            "",
            "Each command explains itself: ./kdnet host COMMAND --help, or ./kdnet host help COMMAND."})
public final class HostCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--version", versionHelp = true, scope = ScopeType.INHERIT,
            description = "Print the version and exit.")
    private boolean version;

    /**
     * The subcommand names of {@code commandLine}, e.g. {@code keygen or decode}; hidden ones (run through the
     * launcher under another name, like {@code load-fleet} as {@code ./kdnet load}) left out.
     */
    static String commandNames(CommandLine commandLine) {
        String names = commandLine.getSubcommands().entrySet().stream()
                .filter(command -> !command.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey).collect(Collectors.joining(", "));
        int last = names.lastIndexOf(", ");
        return last < 0 ? names : names.substring(0, last) + " or " + names.substring(last + 2);
    }

    /** Without a subcommand there is nothing to do: says which commands exist. */
    @Override
    public Integer call() {
        throw new UsageException("no command given; expected " + commandNames(spec.commandLine()) + " ("
                + spec.name() + " --help)");
    }
}
