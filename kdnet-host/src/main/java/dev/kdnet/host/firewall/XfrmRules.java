package dev.kdnet.host.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * Linux IPsec policies ({@code ip xfrm policy}): bypass entries ({@code action allow}, no template) for each port,
 * one per direction, because the kernel's selectors take one port, not ranges. KDNET's source and destination ports
 * are equal in both directions, so every entry selects {@code dport P}. The debugging host needs {@code in} (target
 * to host) and {@code out} (host to target); the target's end the mirror image; a router between them {@code fwd}
 * both ways.
 *
 * <p>Priority {@value #BYPASS_PRIORITY} is the highest there is (lower numbers win): it beats every ESP policy with a
 * higher number, as IKE daemons install them. Between equal priorities the older policy wins, so an ESP policy
 * already at priority 0 (ip xfrm's default) cannot be bypassed: give it a priority above 0.
 */
public final class XfrmRules implements FormatRules {
    /** The priority of every bypass entry. */
    public static final int BYPASS_PRIORITY = 0;

    @Override
    public RuleSet rules(Scope scope) {
        List<RuleSet.Part> parts = new ArrayList<>();
        for (Side side : List.of(Side.HOST, Side.TARGET, Side.ROUTER)) {
            if (scope.sides().contains(side)) {
                parts.add(new RuleSet.Note(heading(side)));
                parts.addAll(rules(scope, side));
            }
        }
        return new RuleSet("#", parts);
    }

    /** The bypass entries of one side, in the order they are added. */
    static List<Rule> rules(Scope scope, Side side) {
        List<Rule> rules = new ArrayList<>();
        for (int port : scope.eachPort()) {
            for (Direction direction : directions(side)) {
                rules.add(new Rule(direction.what + " UDP port " + port + " between the target "
                        + scope.target().map(Cidr::toString).orElse("(any address)") + " and the host "
                        + scope.host().map(host -> host.getHostAddress()).orElse("(any address)")
                        + " without IPsec", "ip xfrm policy add " + selector(scope, port, direction) + " dir "
                        + direction.dir + " priority " + BYPASS_PRIORITY + " action allow"));
            }
        }
        return rules;
    }

    /**
     * The commands deleting exactly the entries {@link #rules(Scope, Side)} adds (same selector, direction, priority
     * and action), and nothing when they are absent.
     */
    static List<List<String>> deletions(Scope scope, Side side) {
        List<List<String>> commands = new ArrayList<>();
        for (int port : scope.eachPort()) {
            for (Direction direction : directions(side)) {
                commands.add(List.of(("ip xfrm policy deleteall " + selector(scope, port, direction) + " dir "
                        + direction.dir + " priority " + BYPASS_PRIORITY + " action allow").split(" ")));
            }
        }
        return commands;
    }

    private static String heading(Side side) {
        return switch (side) {
            case HOST -> "On the debugging host:";
            case TARGET -> "On the target's end (the machine or gateway that requires ESP for the target):";
            case ROUTER -> "On each router forwarding between the two under an ESP policy:";
        };
    }

    private static String selector(Scope scope, int port, Direction direction) {
        String target = scope.targetCidr();
        String host = scope.hostCidr();
        boolean towardsHost = direction.towardsHost;
        return "src " + (towardsHost ? target : host) + " dst " + (towardsHost ? host : target)
                + " proto udp dport " + port;
    }

    private static List<Direction> directions(Side side) {
        return switch (side) {
            case HOST -> List.of(Direction.HOST_IN, Direction.HOST_OUT);
            case TARGET -> List.of(Direction.TARGET_OUT, Direction.TARGET_IN);
            case ROUTER -> List.of(Direction.FWD_TO_HOST, Direction.FWD_TO_TARGET);
        };
    }

    /** One xfrm direction on one side, and which way the traffic it selects flows. */
    private enum Direction {
        HOST_IN("in", true, "Receive"),
        HOST_OUT("out", false, "Send"),
        TARGET_OUT("out", true, "Send"),
        TARGET_IN("in", false, "Receive"),
        FWD_TO_HOST("fwd", true, "Forward towards the host"),
        FWD_TO_TARGET("fwd", false, "Forward towards the target");

        private final String dir;
        private final boolean towardsHost;
        private final String what;

        Direction(String dir, boolean towardsHost, String what) {
            this.dir = dir;
            this.towardsHost = towardsHost;
            this.what = what;
        }
    }
}
