package dev.kdnet.host.firewall;

import java.util.List;

/**
 * One program run that changes or reads this machine's firewall, as a value: planned first, run by
 * {@link CommandRunner}.
 *
 * @param argv  the program and its arguments
 * @param stdin what to write to its standard input (empty for none)
 */
public record Command(List<String> argv, String stdin) {
    /** Copies the arguments. */
    public Command {
        argv = List.copyOf(argv);
    }

    /** {@code argv} with nothing on standard input. */
    public static Command of(String... argv) {
        return new Command(List.of(argv), "");
    }

    /** The command line as a user would type it, for messages. */
    public String line() {
        return String.join(" ", argv);
    }
}
