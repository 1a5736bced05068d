package dev.kdnet.host.firewall;

import java.net.InetAddress;
import java.util.List;

/**
 * One rule or policy of this machine that drops, rejects or requires ESP for a KDNET port's UDP datagrams, as read
 * from the tool that lists it.
 *
 * @param tool      the tool that listed it: {@code nftables}, {@code iptables} or {@code xfrm}
 * @param effect    what it does to the datagrams
 * @param inbound   true if it stops datagrams coming to this machine, false for the ones it sends
 * @param place     where it sits, e.g. {@code table inet filter chain input handle 3}
 * @param text      the rule or policy as the tool prints it
 * @param condition the rule's other conditions (an address, an interface) that decide whether it applies to a
 *                  given target, empty if it applies to every datagram of the port
 * @param targets   the targets' addresses it applies to, where the tool's listing says so exactly (xfrm selectors
 *                  and the bypasses that win over them); {@link Targets#ANY} otherwise
 */
public record Blocker(String tool, Effect effect, boolean inbound, String place, String text, String condition,
        Targets targets) {
    /**
     * The target addresses a rule applies to: those in {@code within} (every address when empty) but in none of
     * {@code except}, prefixes such as {@code 10.213.2.0/24}.
     *
     * @param within the prefix the rule selects on the target's side, or empty for every address
     * @param except the prefixes, inside it, that other rules decide first
     */
    public record Targets(String within, List<String> except) {
        /** Every target address. */
        public static final Targets ANY = new Targets("", List.of());

        /** Copies the exceptions. */
        public Targets {
            except = List.copyOf(except);
        }

        /** True if the rule applies to datagrams from or to {@code target}. */
        public boolean include(InetAddress target) {
            String address = target.getHostAddress();
            return (within.isEmpty() || XfrmState.contains(within, address))
                    && except.stream().noneMatch(prefix -> XfrmState.contains(prefix, address));
        }
    }

    /** A blocker for every target address, or for those its {@code condition} names in words. */
    public Blocker(String tool, Effect effect, boolean inbound, String place, String text, String condition) {
        this(tool, effect, inbound, place, text, condition, Targets.ANY);
    }

    /** What a rule or policy does to the port's datagrams. */
    public enum Effect {
        /** Dropped without an answer. */
        DROP("drops"),
        /** Rejected with an ICMP error (the target's doctor sees port unreachable). */
        REJECT("rejects"),
        /** A chain's default policy drops what no rule accepted. */
        POLICY_DROP("drops (chain policy)"),
        /** An IPsec policy wants ESP, which the KDNET stub cannot speak: dropped. */
        REQUIRES_ESP("requires ESP for"),
        /** An IPsec policy with action block. */
        BLOCK("blocks");

        private final String verb;

        Effect(String verb) {
            this.verb = verb;
        }

        /** How a sentence says it, e.g. "drops". */
        public String verb() {
            return verb;
        }
    }

    /** True if the rule applies to every datagram of the port, whatever the target's address. */
    public boolean certain() {
        return condition.isEmpty();
    }

    /**
     * One sentence, e.g. {@code nftables rule `udp dport 50000 drop` (table inet filter chain input handle 3)
     * drops inbound UDP 50000}.
     *
     * @param port the port or ports it stops, as text
     */
    public String describe(Object port) {
        String what = tool.equals("xfrm") ? "xfrm policy" : tool + " rule";
        return what + " `" + text + "` " + (place.isEmpty() ? "" : "(" + place + ") ") + effect.verb() + " "
                + (inbound ? "inbound" : "outbound") + " UDP " + port + (certain() ? "" : " when " + condition);
    }
}
