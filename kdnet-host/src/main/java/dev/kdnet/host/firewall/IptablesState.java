package dev.kdnet.host.firewall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of {@code iptables-save} and names every rule of the built-in INPUT and PREROUTING chains
 * (inbound) or OUTPUT and POSTROUTING chains (outbound) of the filter, raw and mangle tables that drops or rejects a
 * KDNET port's UDP datagrams, and every such chain whose policy is DROP when no rule before accepted them. KDNET
 * sends from port P to port P, so {@code --sport} and {@code --dport} both count. Jumps to user chains are not
 * followed.
 */
public final class IptablesState {
    static final String TOOL = "iptables";
    private static final Set<String> TABLES = Set.of("filter", "raw", "mangle");
    private static final Set<String> INBOUND_CHAINS = Set.of("INPUT", "PREROUTING");
    private static final Set<String> OUTBOUND_CHAINS = Set.of("OUTPUT", "POSTROUTING");
    private static final Pattern POLICY = Pattern.compile("^:(\\S+) (\\S+) .*");
    private static final Pattern RULE = Pattern.compile("^-A (\\S+) (.*)$");
    private static final Pattern TARGET = Pattern.compile("\\s*-j (ACCEPT|DROP|REJECT)\\b.*$");
    private static final Pattern PROTOCOL = Pattern.compile("(! )?-p (\\S+)");
    private static final Pattern PORT = Pattern.compile("(! )?--(?:sport|dport|source-port|destination-port|sports"
            + "|dports|ports) (\\S+)");
    private static final Pattern MATCH_MODULE = Pattern.compile("-m (?:udp|multiport)\\b");
    /** The comment match ({@code -m comment --comment "..."}, quoted by iptables-save when it has spaces). */
    private static final Pattern COMMENT = Pattern.compile("-m comment --comment (?:\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    private IptablesState() {
    }

    /** The blockers of UDP {@code port} in {@code saved}, the output of {@code iptables-save}. */
    public static List<Blocker> blockers(String saved, int port) {
        List<Blocker> blockers = new ArrayList<>();
        String table = null;
        Map<String, String> policies = new HashMap<>();
        Map<String, Boolean> decided = new HashMap<>();
        for (String raw : saved.split("\n")) {
            String line = raw.strip();
            Matcher m;
            if (line.startsWith("*")) {
                table = line.substring(1);
                policies.clear();
                decided.clear();
            } else if (table == null || !TABLES.contains(table)) {
                continue;
            } else if ((m = POLICY.matcher(line)).matches()) {
                policies.put(m.group(1), m.group(2));
            } else if ((m = RULE.matcher(line)).matches() && direction(m.group(1)).isPresent()
                    && !decided.getOrDefault(m.group(1), false)) {
                String chain = m.group(1);
                Optional<RuleVerdict> verdict = verdict(m.group(2), port);
                verdict.filter(RuleVerdict::certain).ifPresent(v -> decided.put(chain, true));
                String place = "table " + table + " chain " + chain;
                verdict.flatMap(v -> v.blocker(TOOL, direction(chain).orElseThrow(), place, line))
                        .ifPresent(blockers::add);
            } else if (line.equals("COMMIT")) {
                for (Map.Entry<String, String> policy : policies.entrySet()) {
                    String chain = policy.getKey();
                    if (policy.getValue().equals("DROP") && direction(chain).isPresent()
                            && !decided.getOrDefault(chain, false)) {
                        blockers.add(new Blocker(TOOL, Blocker.Effect.POLICY_DROP, direction(chain).orElseThrow(),
                                "table " + table, "-P " + chain + " DROP", ""));
                    }
                }
            }
        }
        return blockers;
    }

    /** True for an inbound chain, false for an outbound one, empty for the others. */
    private static Optional<Boolean> direction(String chain) {
        return INBOUND_CHAINS.contains(chain) ? Optional.of(true)
                : OUTBOUND_CHAINS.contains(chain) ? Optional.of(false) : Optional.empty();
    }

    /**
     * What the rule {@code spec} (after {@code -A CHAIN}) does to UDP {@code port}, empty if nothing; a comment
     * match is no condition.
     */
    static Optional<RuleVerdict> verdict(String spec, int port) {
        Matcher target = TARGET.matcher(spec);
        if (!target.find()) {
            return Optional.empty();
        }
        String matches = COMMENT.matcher(spec.substring(0, target.start())).replaceAll("");
        Matcher protocol = PROTOCOL.matcher(matches);
        if (protocol.find() && (protocol.group(1) != null) == protocol.group(2).equals("udp")) {
            return Optional.empty();
        }
        StringBuilder rest = new StringBuilder();
        Matcher ports = PORT.matcher(protocol.replaceAll(""));
        List<String> unknown = new ArrayList<>();
        while (ports.find()) {
            Optional<Boolean> covers = PortSpec.covers(ports.group(2), port, Map.of());
            if (covers.isEmpty()) {
                unknown.add(ports.group());
            } else if (covers.get() == (ports.group(1) != null)) {
                return Optional.empty();
            }
            ports.appendReplacement(rest, "");
        }
        ports.appendTail(rest);
        String condition = (MATCH_MODULE.matcher(rest).replaceAll("") + " " + String.join(" ", unknown))
                .replaceAll("\\s+", " ").strip();
        String verdict = target.group(1);
        return Optional.of(new RuleVerdict(RuleVerdict.Verdict.valueOf(verdict), condition));
    }
}
