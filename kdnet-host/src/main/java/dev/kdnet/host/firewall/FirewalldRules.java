package dev.kdnet.host.firewall;

import java.util.List;

/** firewalld: a permanent rich rule accepting the ports in the default zone, then a reload to make it active. */
final class FirewalldRules implements FormatRules {
    @Override
    public RuleSet rules(Scope scope) {
        String rich = "rule family=\"ipv4\""
                + scope.target().map(cidr -> " source address=\"" + cidr + "\"").orElse("")
                + scope.host().map(host -> " destination address=\"" + host.getHostAddress() + "\"").orElse("")
                + " port port=\"" + scope.portText("-") + "\" protocol=\"udp\" accept";
        return new RuleSet("#", List.of(
                new Rule("Accept " + scope.describe() + " in the default zone (permanent configuration)",
                        "firewall-cmd --permanent --add-rich-rule='" + rich + "'"),
                new Rule("Load the permanent configuration, making the rule above active",
                        "firewall-cmd --reload")));
    }
}
