package dev.kdnet.host.firewall;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    private static final String ADD = "ip xfrm policy add";
    private static final String DELETE_ALL = "ip xfrm policy deleteall";

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
                String target = scope.target().map(cidr -> "the target " + cidr).orElse("any target");
                String host = scope.host().map(address -> "the host " + address.getHostAddress())
                        .orElse("any host address");
                rules.add(new Rule(direction.what + " UDP port " + port + " from "
                        + (direction.towardsHost ? target + " to " + host : host + " to " + target)
                        + " without IPsec", ADD + " " + selector(scope, port, direction) + " dir "
                        + direction.dir + " priority " + BYPASS_PRIORITY + " action allow"));
            }
        }
        return distinct(rules);
    }

    /**
     * The commands deleting exactly the entries {@link #rules(Scope, Side)} adds (same selector, direction, priority
     * and action), and nothing when they are absent.
     */
    static List<List<String>> deletions(Scope scope, Side side) {
        return rules(scope, side).stream()
                .map(rule -> List.of(rule.text().replace(ADD, DELETE_ALL).split(" "))).toList();
    }

    /** The rules without repeats: without --target and --host, a router's two fwd entries are one. */
    private static List<Rule> distinct(List<Rule> rules) {
        Set<String> seen = new HashSet<>();
        return rules.stream().filter(rule -> seen.add(rule.text())).toList();
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
        HOST_IN("in", true, "Let in"),
        HOST_OUT("out", false, "Let out"),
        TARGET_OUT("out", true, "Let out"),
        TARGET_IN("in", false, "Let in"),
        FWD_TO_HOST("fwd", true, "Forward"),
        FWD_TO_TARGET("fwd", false, "Forward");

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
