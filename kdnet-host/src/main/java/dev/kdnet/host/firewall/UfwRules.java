package dev.kdnet.host.firewall;

import java.util.List;

/** ufw: one allow rule for the port range (ufw takes ranges as {@code first:last} with a protocol). */
final class UfwRules implements FormatRules {
    @Override
    public RuleSet rules(Scope scope) {
        return new RuleSet("#", List.of(
                new Rule("Allow inbound " + scope.describe(),
                        "ufw allow proto udp from " + scope.target().map(Cidr::toString).orElse("any")
                                + " to " + scope.host().map(host -> host.getHostAddress()).orElse("any")
                                + " port " + scope.portText(":") + " comment 'kdnet'")));
    }
}
