package dev.kdnet.host.firewall;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code --apply} and {@code --remove} run for iptables, computed from {@code iptables-save -t filter}: each an
 * {@code iptables-restore --noflush} transaction that touches only our chain and the jumps to it.
 */
public final class IptablesPlan {
    /** The listing both plans start from. */
    public static final Command SAVE = Command.of("iptables-save", "-t", "filter");
    private static final List<String> RESTORE = List.of("iptables-restore", "--noflush");

    private IptablesPlan() {
    }

    /** Adds our chain and the jump from INPUT; run after {@link #remove}, so applying twice adds nothing twice. */
    public static Command apply(Scope scope) {
        return new Command(RESTORE, RuleFormat.IPTABLES.rules(scope).text());
    }

    /** Deletes every jump tagged {@code kdnet} and our chain; empty when there is none. */
    public static Optional<Command> remove(String save) {
        List<String> lines = save.lines().toList();
        String jumps = lines.stream()
                .filter(line -> line.startsWith("-A ") && line.endsWith(" " + IptablesRules.JUMP))
                .map(line -> "-D " + line.substring("-A ".length()) + "\n")
                .collect(Collectors.joining());
        String chain = lines.stream().anyMatch(line -> line.startsWith(":" + IptablesRules.CHAIN + " "))
                ? "-F " + IptablesRules.CHAIN + "\n-X " + IptablesRules.CHAIN + "\n" : "";
        return jumps.isEmpty() && chain.isEmpty() ? Optional.empty()
                : Optional.of(new Command(RESTORE, "*filter\n" + jumps + chain + "COMMIT\n"));
    }
}
