package dev.kdnet.host.firewall;

import java.util.List;

/**
 * Windows PowerShell (NetSecurity module): an inbound allow rule in all three profiles, and an IPsec rule that
 * neither requires nor requests security for the ports (the KDNET stub has its own UDP/IPv4 stack and no IPsec; port
 * ranges are allowed in such "do not secure" rules).
 */
final class PowerShellRules implements FormatRules {
    /** The three firewall profiles. */
    static final String PROFILES = "Domain,Private,Public";

    @Override
    public RuleSet rules(Scope scope) {
        String ports = scope.portText("-");
        String addresses = scope.target().map(cidr -> " -RemoteAddress " + cidr).orElse("")
                + scope.host().map(host -> " -LocalAddress " + host.getHostAddress()).orElse("");
        return new RuleSet("#", List.of(
                new Rule("Allow inbound " + scope.describe() + " in the Domain, Private and Public profiles",
                        "New-NetFirewallRule -DisplayName \"KDNET kernel debugging (kdnet)\" -Direction Inbound"
                                + " -Action Allow -Protocol UDP -LocalPort " + ports + addresses
                                + " -Profile " + PROFILES),
                new Rule("Exempt " + scope.describe() + " from IPsec in both directions: the KDNET stub cannot"
                                + " speak ESP",
                        "New-NetIPsecRule -DisplayName \"KDNET kernel debugging, no IPsec (kdnet)\""
                                + " -InboundSecurity None -OutboundSecurity None -Protocol UDP -LocalPort " + ports
                                + addresses + " -Profile " + PROFILES)));
    }
}
