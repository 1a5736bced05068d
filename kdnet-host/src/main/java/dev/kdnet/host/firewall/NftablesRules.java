package dev.kdnet.host.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * nftables, as an {@code nft -f} script: a table of our own ({@code inet kdnet}) with an input chain accepting the
 * ports. An accept there does not override a drop in another table's input chain (a packet must pass every base
 * chain at the hook), so the script ends with a note, and {@link #acceptAtHead} makes the rule for such a chain.
 */
public final class NftablesRules implements FormatRules {
    /** Our table's family. */
    public static final String FAMILY = "inet";
    /** Our table's name. */
    public static final String TABLE = "kdnet";
    /** Our input chain's name. */
    public static final String CHAIN = "input";
    /** The comment on every rule we add, also in other tables' chains: how {@code --remove} finds them. */
    public static final String TAG = "kdnet";
    /** Our chain's priority: before the usual filter chains at priority 0 (filter). */
    static final int PRIORITY = -10;

    @Override
    public RuleSet rules(Scope scope) {
        List<RuleSet.Part> parts = new ArrayList<>(ownTable(scope));
        parts.add(new RuleSet.Note("A drop in another table's input chain still drops these datagrams; insert the"
                        + " same accept at its head, e.g. for table inet filter:"));
        parts.add(new RuleSet.Note(acceptAtHead("inet", "filter", "input", scope).text()));
        return new RuleSet("#", parts);
    }

    /**
     * Our own table's rules and the accept at the head of the base chain {@code chain} of table
     * {@code family table}, whose drop or reject a doctor found: what {@code --apply} adds when that chain exists.
     */
    public static RuleSet opening(String family, String table, String chain, Scope scope) {
        List<RuleSet.Part> parts = new ArrayList<>(ownTable(scope));
        parts.add(acceptAtHead(family, table, chain, scope));
        return new RuleSet("#", parts);
    }

    /** The script of our own table alone, as {@code --apply} feeds it to {@code nft -f -}. */
    static String rulesOnly(Scope scope) {
        return new RuleSet("#", ownTable(scope)).text();
    }

    private static List<RuleSet.Part> ownTable(Scope scope) {
        return List.of(
                new Rule("A table of KDNET's own, so that deleting it removes exactly these rules",
                        "add table " + FAMILY + " " + TABLE),
                new Rule("Its input chain, ahead of the usual filter chains (priority " + PRIORITY
                                + "), accepting what it does not name",
                        "add chain " + FAMILY + " " + TABLE + " " + CHAIN + " { type filter hook input priority "
                                + PRIORITY + "; policy accept; }"),
                new Rule("Accept " + scope.describe(),
                        "add rule " + FAMILY + " " + TABLE + " " + CHAIN + " " + match(scope) + " accept comment \""
                                + TAG + "\""));
    }

    /**
     * The rule that lets the ports through the existing base chain {@code chain} of table {@code family table},
     * inserted at its head (tagged {@value #TAG} so that {@code --remove} finds it).
     */
    public static Rule acceptAtHead(String family, String table, String chain, Scope scope) {
        return new Rule("Accept " + scope.describe() + " before anything else in " + family + " " + table + " "
                + chain, "insert rule " + family + " " + table + " " + chain + " " + match(scope)
                + " accept comment \"" + TAG + "\"");
    }

    private static String match(Scope scope) {
        return scope.target().map(cidr -> "ip saddr " + cidr + " ").orElse("")
                + scope.host().map(host -> "ip daddr " + host.getHostAddress() + " ").orElse("")
                + "udp dport " + scope.portText("-");
    }
}
