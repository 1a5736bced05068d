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
 * Reads the text of {@code nft -a list ruleset} (the rule text as nft writes it, with handles) and names every rule
 * of a base chain on the input/prerouting hook (inbound) or output/postrouting hook (outbound) that drops or rejects
 * a KDNET port's UDP datagrams, and every such chain whose policy drops them when no rule before accepted them.
 * KDNET sends from port P to port P, so a rule on either {@code sport} or {@code dport} counts.
 *
 * <p>Each base chain is walked on its own, in order: in nftables a drop in any base chain of a hook drops the packet
 * whatever another chain accepted. Rules that jump to other chains are not followed. The chains iptables-nft
 * makes (tables {@code ip}/{@code ip6} filter, raw, mangle or security with the built-in upper-case chain names) can
 * be left to {@link IptablesState}, which names their rules as iptables rules.
 */
public final class NftablesState {
    static final String TOOL = "nftables";
    private static final Pattern TABLE = Pattern.compile("^table (\\S+) (\\S+) \\{.*");
    private static final Pattern CHAIN = Pattern.compile("^chain (\\S+) \\{.*");
    private static final Pattern SET = Pattern.compile("^(?:set|map) (\\S+) \\{.*");
    private static final Pattern HOOK = Pattern.compile("type \\S+ hook (\\S+) priority [^;]+;(?: policy (\\S+);)?");
    private static final Pattern HANDLE = Pattern.compile("\\s*# handle (\\d+)$");
    private static final Pattern ELEMENTS = Pattern.compile("elements = (\\{.*})", Pattern.DOTALL);
    private static final Pattern IPTABLES_TABLE = Pattern.compile("ip6? (?:filter|raw|mangle|security)");
    private static final Set<String> IPTABLES_CHAINS = Set.of("INPUT", "OUTPUT", "PREROUTING", "POSTROUTING",
            "FORWARD");
    private static final Pattern PORT = Pattern.compile("\\b(?:udp|th) [sd]port (!= )?(\\{[^}]*}|\\S+)");
    private static final Pattern NOT_UDP = Pattern.compile(
            "\\b(?:tcp|icmp|icmpv6|sctp|dccp|udplite|esp|ah|igmp)\\b(?! dport| sport)|\\b(?:tcp|sctp|dccp) [sd]port");
    private static final Pattern UDP_ONLY = Pattern.compile("\\b(?:meta l4proto|ip protocol|ip6 nexthdr) udp\\b");
    private static final Pattern COUNTER = Pattern.compile("\\bcounter(?: packets \\d+ bytes \\d+)?");
    private static final Pattern LOG = Pattern.compile("\\blog(?: prefix \"[^\"]*\")?(?: level \\S+)?");
    private static final Pattern VERDICT = Pattern.compile("\\b(accept|drop|reject)\\b(?: with .*)?$");
    /** A rule's trailing comment, as nft lists it: it says nothing about the datagrams it matches. */
    private static final Pattern COMMENT = Pattern.compile("\\s*\\bcomment \"(?:[^\"\\\\]|\\\\.)*\"\\s*$");
    private static final Set<String> INBOUND_HOOKS = Set.of("prerouting", "input");
    private static final Set<String> OUTBOUND_HOOKS = Set.of("output", "postrouting");

    private NftablesState() {
    }

    /**
     * The blockers of UDP {@code port} in {@code ruleset}, the output of {@code nft -a list ruleset}.
     *
     * @param skipIptables true to leave out the chains of iptables-nft (when {@code iptables-save} was read too)
     */
    public static List<Blocker> blockers(String ruleset, int port, boolean skipIptables) {
        List<Blocker> blockers = new ArrayList<>();
        String table = null;
        Map<String, String> sets = new HashMap<>();
        Chain chain = null;
        StringBuilder set = null;
        for (String raw : ruleset.split("\n")) {
            String line = raw.strip();
            Matcher m;
            if (set != null) {
                set.append(' ').append(line);
                if (line.equals("}")) {
                    Matcher elements = ELEMENTS.matcher(set);
                    sets.put(set.substring(0, set.indexOf(" ")), elements.find() ? elements.group(1) : "");
                    set = null;
                }
            } else if ((m = TABLE.matcher(line)).matches()) {
                table = m.group(1) + " " + m.group(2);
                sets.clear();
            } else if ((m = SET.matcher(line)).matches()) {
                set = new StringBuilder(m.group(1));
            } else if ((m = CHAIN.matcher(line)).matches() && table != null) {
                boolean iptables = IPTABLES_TABLE.matcher(table).matches() && IPTABLES_CHAINS.contains(m.group(1));
                chain = new Chain("table " + table + " chain " + m.group(1), skipIptables && iptables);
            } else if (chain != null && (m = HOOK.matcher(line)).find()) {
                chain.hook(m.group(1), m.group(2));
            } else if (chain != null && line.equals("}")) {
                chain.end().ifPresent(blockers::add);
                chain = null;
            } else if (chain != null && !line.isEmpty()) {
                chain.rule(line, port, sets).ifPresent(blockers::add);
            }
        }
        return blockers;
    }

    /**
     * What {@code text} (a rule without its handle comment) does to UDP {@code port}: empty if it does not match
     * the port's datagrams or decides nothing (a jump, a counter alone). A trailing {@code comment "..."} is no
     * condition.
     */
    static Optional<RuleVerdict> verdict(String rule, int port, Map<String, String> sets) {
        String text = COMMENT.matcher(rule).replaceFirst("");
        Matcher verdict = VERDICT.matcher(text);
        if (!verdict.find() || NOT_UDP.matcher(text.substring(0, verdict.start())).find()) {
            return Optional.empty();
        }
        StringBuilder rest = new StringBuilder();
        Matcher ports = PORT.matcher(text.substring(0, verdict.start()));
        List<String> unknown = new ArrayList<>();
        while (ports.find()) {
            Optional<Boolean> covers = PortSpec.covers(ports.group(2), port, sets);
            boolean negated = ports.group(1) != null;
            if (covers.isEmpty()) {
                unknown.add(ports.group());
            } else if (covers.get() == negated) {
                return Optional.empty();
            }
            ports.appendReplacement(rest, "");
        }
        ports.appendTail(rest);
        String condition = LOG.matcher(COUNTER.matcher(UDP_ONLY.matcher(rest).replaceAll("")).replaceAll(""))
                .replaceAll("").replaceAll("\\s+", " ").strip();
        if (!unknown.isEmpty()) {
            condition = (condition + " " + String.join(" ", unknown)).strip();
        }
        return Optional.of(new RuleVerdict(RuleVerdict.Verdict.valueOf(verdict.group(1).toUpperCase()), condition));
    }

    /** One base chain being read: its hook, policy, and whether a rule already decided the port's fate. */
    private static final class Chain {
        private final String place;
        private Boolean inbound;
        private boolean policyDrop;
        private boolean decided;

        Chain(String place, boolean skipped) {
            this.place = place;
            this.decided = skipped;
        }

        void hook(String hook, String policy) {
            inbound = INBOUND_HOOKS.contains(hook) ? Boolean.TRUE : OUTBOUND_HOOKS.contains(hook) ? Boolean.FALSE : null;
            policyDrop = "drop".equals(policy);
        }

        Optional<Blocker> rule(String line, int port, Map<String, String> sets) {
            if (inbound == null || decided) {
                return Optional.empty();
            }
            Matcher handle = HANDLE.matcher(line);
            boolean handled = handle.find();
            String text = handled ? line.substring(0, handle.start()) : line;
            String shown = COUNTER.matcher(text).replaceAll("counter").replaceAll("\\s+", " ").strip();
            Optional<RuleVerdict> verdict = verdict(text, port, sets);
            verdict.filter(RuleVerdict::certain).ifPresent(v -> decided = true);
            String where = place + (handled ? " handle " + handle.group(1) : "");
            return verdict.flatMap(v -> v.blocker(TOOL, inbound, where, shown));
        }

        Optional<Blocker> end() {
            if (inbound == null || decided || !policyDrop) {
                return Optional.empty();
            }
            return Optional.of(new Blocker(TOOL, Blocker.Effect.POLICY_DROP, inbound, place, "policy drop", ""));
        }
    }
}
