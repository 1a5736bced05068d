package dev.kdnet.host.firewall;

import java.util.List;

/**
 * iptables, as an {@code iptables-restore --noflush} file for the filter table: a chain of our own ({@code kdnet})
 * accepting the ports, jumped to from rule 1 of INPUT so that it runs before any DROP or REJECT there.
 */
final class IptablesRules implements FormatRules {
    /** Our chain, and the comment on the jump to it. */
    static final String CHAIN = "kdnet";
    /** The jump from INPUT, as iptables-save prints it (without {@code -A INPUT} or {@code -I INPUT 1}). */
    static final String JUMP = "-m comment --comment " + CHAIN + " -j " + CHAIN;

    @Override
    public RuleSet rules(Scope scope) {
        String match = scope.target().map(cidr -> "-s " + cidr + " ").orElse("")
                + scope.host().map(host -> "-d " + host.getHostAddress() + " ").orElse("")
                + "-p udp -m udp --dport " + scope.portText(":");
        return new RuleSet("#", List.of(
                new RuleSet.Frame("*filter"),
                new Rule("A chain of KDNET's own, so that deleting it removes exactly these rules",
                        ":" + CHAIN + " - [0:0]"),
                new Rule("Send inbound packets through it first, ahead of any DROP or REJECT in INPUT",
                        "-I INPUT 1 " + JUMP),
                new Rule("Accept " + scope.describe(),
                        "-A " + CHAIN + " " + match + " -m comment --comment " + CHAIN + " -j ACCEPT"),
                new RuleSet.Frame("COMMIT")));
    }
}
