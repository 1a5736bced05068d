package dev.kdnet.host.firewall;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies the nftables, iptables or xfrm rule set to this machine ({@code --apply}), or removes exactly what an
 * apply added ({@code --remove}). Plans are computed by {@link NftablesPlan}, {@link IptablesPlan} and
 * {@link XfrmPlan}; this class only reads the current state and runs them.
 */
public final class RuleApplier {
    private final CommandRunner runner;

    /** An applier running its commands with {@code runner}. */
    public RuleApplier(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * Applies {@code format}'s rules for {@code scope} ({@code sides} only matter for xfrm).
     *
     * @return the commands run, for the user to see
     * @throws IllegalArgumentException for a format that is not applied here (see {@link RuleFormat#appliable})
     * @throws FirewallException        when a command fails
     */
    public List<Command> apply(RuleFormat format, Scope scope, Set<Side> sides) {
        List<Command> commands = switch (format) {
            case NFTABLES -> List.of(NftablesPlan.apply(scope, NftRuleset.parse(runner.run(NftablesPlan.LIST))));
            case IPTABLES -> concat(IptablesPlan.remove(runner.run(IptablesPlan.SAVE)).stream().toList(),
                    List.of(IptablesPlan.apply(scope)));
            case XFRM -> XfrmPlan.apply(scope, sides);
            default -> throw new IllegalArgumentException(format.text() + " is not applied on this machine");
        };
        commands.forEach(runner::run);
        return commands;
    }

    /**
     * Removes what {@link #apply} added for {@code format} (for xfrm: the entries of {@code scope} and
     * {@code sides}).
     *
     * @return the commands run; empty when there was nothing to remove
     * @throws FirewallException when a command fails
     */
    public List<Command> remove(RuleFormat format, Scope scope, Set<Side> sides) {
        List<Command> commands = switch (format) {
            case NFTABLES -> NftablesPlan.remove(NftRuleset.parse(runner.run(NftablesPlan.LIST))).stream().toList();
            case IPTABLES -> IptablesPlan.remove(runner.run(IptablesPlan.SAVE)).stream().toList();
            case XFRM -> XfrmPlan.remove(scope, sides);
            default -> throw new IllegalArgumentException(format.text() + " is not applied on this machine");
        };
        commands.forEach(runner::run);
        return commands;
    }

    private static List<Command> concat(List<Command> first, List<Command> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
