package dev.kdnet.host.cli;

import dev.kdnet.protocol.args.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./kdnet host help [COMMAND]}: the help of a command, or of {@code ./kdnet host} itself. */
@Command(name = "help", description = "Show the help of a command (./kdnet host help listen), or this list.")
final class HelpSubcommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "The command to explain.")
    private String command;

    @Override
    public Integer call() {
        CommandLine host = spec.commandLine().getParent();
        CommandLine explained = command == null ? host : host.getSubcommands().get(command);
        if (explained == null) {
            throw new UsageException("unknown command '" + command + "'; expected " + HostCommand.commandNames(host)
                    + " (" + host.getCommandName() + " --help)");
        }
        explained.usage(spec.commandLine().getOut());
        return 0;
    }
}
