package dev.kdnet.host.lab;

import java.util.List;

/**
 * One command the lab runs to build or remove its network, such as {@code ip -n NS link set lo up}.
 *
 * @param argv the program and its arguments
 * @param input text given on the command's standard input (an nftables rule set for {@code nft -f -}); empty for
 *     none
 */
public record LabStep(List<String> argv, String input) {
    /** Copies {@code argv}. */
    public LabStep {
        argv = List.copyOf(argv);
    }

    /** A command with nothing on its standard input. */
    public static LabStep of(String... argv) {
        return new LabStep(List.of(argv), "");
    }

    /** The command as a shell line, for messages and the lab's listing of what it did. */
    public String text() {
        return String.join(" ", argv);
    }
}
