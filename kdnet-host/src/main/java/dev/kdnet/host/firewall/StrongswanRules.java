package dev.kdnet.host.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * strongSwan ({@code swanctl.conf}): a connection of its own holding only pass children ({@code mode = pass},
 * {@code start_action = trap}), one per port (the kernel backends take no port ranges), outside any regular
 * connection so that no IKE negotiation or authentication is involved.
 */
final class StrongswanRules implements FormatRules {
    @Override
    public RuleSet rules(Scope scope) {
        List<RuleSet.Part> parts = new ArrayList<>();
        for (Side side : List.of(Side.HOST, Side.TARGET)) {
            if (scope.sides().contains(side)) {
                parts.addAll(connection(scope, side));
            }
        }
        return new RuleSet("#", parts);
    }

    private static List<RuleSet.Part> connection(Scope scope, Side side) {
        boolean host = side == Side.HOST;
        String local = host ? scope.hostCidr() : scope.targetCidr();
        String remote = host ? scope.targetCidr() : scope.hostCidr();
        List<RuleSet.Part> parts = new ArrayList<>();
        parts.add(new RuleSet.Note((host ? "On the debugging host" : "On the target's end")
                + ", e.g. /etc/swanctl/conf.d/kdnet.conf, then swanctl --load-conns:"));
        parts.add(new RuleSet.Frame("connections {"));
        parts.add(new Rule("Pass-through policies for KDNET only, outside any regular connection",
                "  kdnet-bypass {"));
        parts.add(new Rule("Never contacted: a pass connection negotiates nothing",
                "    remote_addrs = 127.0.0.1"));
        parts.add(new RuleSet.Frame("    children {"));
        for (int port : scope.eachPort()) {
            parts.add(new Rule("Let " + scope.describe(Integer.toString(port)) + " and the replies pass without"
                    + " IPsec", "      kdnet-" + port + " {\n"
                    + "        local_ts = " + local + "[udp/" + port + "]\n"
                    + "        remote_ts = " + remote + "[udp/" + port + "]\n"
                    + "        mode = pass\n"
                    + "        start_action = trap\n"
                    + "      }"));
        }
        parts.add(new RuleSet.Frame("    }\n  }\n}"));
        return parts;
    }
}
