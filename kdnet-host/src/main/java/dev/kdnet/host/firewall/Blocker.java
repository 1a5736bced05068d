package dev.kdnet.host.firewall;

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
 */
public record Blocker(String tool, Effect effect, boolean inbound, String place, String text, String condition) {
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
