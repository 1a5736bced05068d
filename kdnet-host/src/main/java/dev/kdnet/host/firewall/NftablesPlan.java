package dev.kdnet.host.firewall;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code --apply} and {@code --remove} run for nftables, computed from the current ruleset: one {@code nft -f -}
 * transaction each, so that either all of it happens or none.
 */
public final class NftablesPlan {
    /** The program, reading its script from standard input. */
    private static final List<String> NFT_SCRIPT = List.of("nft", "-f", "-");
    /** The listing with rule handles that both plans start from. */
    public static final Command LIST = Command.of("nft", "-a", "list", "ruleset");

    private NftablesPlan() {
    }

    /**
     * Removes what an earlier apply added, then adds our table and an accept at the head of every other IPv4 input
     * base chain (a drop there would drop the packet whatever our table accepts).
     */
    public static Command apply(Scope scope, NftRuleset current) {
        String inserts = current.chains().stream().filter(NftRuleset.Chain::filtersIpv4Input)
                .map(chain -> NftablesRules.acceptAtHead(chain.family(), chain.table(), chain.name(), scope))
                .map(rule -> "# " + rule.comment() + "\n" + rule.text() + "\n")
                .collect(Collectors.joining());
        return new Command(NFT_SCRIPT, removals(current) + NftablesRules.rulesOnly(scope) + inserts);
    }

    /** Deletes our table and every rule tagged {@code kdnet} in other chains; empty when there is none. */
    public static Optional<Command> remove(NftRuleset current) {
        String script = removals(current);
        return script.isEmpty() ? Optional.empty() : Optional.of(new Command(NFT_SCRIPT, script));
    }

    private static String removals(NftRuleset current) {
        String rules = current.chains().stream().filter(chain -> !chain.ours())
                .flatMap(chain -> chain.taggedRules().stream().map(handle -> "delete rule " + chain.family() + " "
                        + chain.table() + " " + chain.name() + " handle " + handle + "\n"))
                .collect(Collectors.joining());
        return rules + (current.hasOurTable()
                ? "delete table " + NftablesRules.FAMILY + " " + NftablesRules.TABLE + "\n" : "");
    }
}
