package dev.kdnet.host.firewall;

import java.util.List;

/**
 * Windows netsh (cmd.exe): an inbound allow rule in all three profiles, and a connection security rule with
 * {@code action=noauthentication} exempting the ports from IPsec.
 */
final class NetshRules implements FormatRules {
    @Override
    public RuleSet rules(Scope scope) {
        String ports = scope.portText("-");
        String host = scope.host().map(address -> address.getHostAddress()).orElse("any");
        String target = scope.target().map(Cidr::toString).orElse("any");
        return new RuleSet("REM", List.of(
                new Rule("Allow inbound " + scope.describe() + " in the domain, private and public profiles",
                        "netsh advfirewall firewall add rule name=\"KDNET kernel debugging (kdnet)\" dir=in"
                                + " action=allow protocol=udp localport=" + ports + " localip=" + host
                                + " remoteip=" + target + " profile=domain,private,public"),
                new Rule("Exempt " + scope.describe() + " from IPsec (no authentication, no ESP): the KDNET"
                                + " stub cannot speak it",
                        "netsh advfirewall consec add rule name=\"KDNET kernel debugging, no IPsec (kdnet)\""
                                + " endpoint1=" + host + " endpoint2=" + target
                                + " action=noauthentication protocol=udp port1=" + ports
                                + " profile=domain,private,public")));
    }
}
