package dev.kdnet.host.lab;

import dev.kdnet.protocol.args.UsageException;
import java.util.Locale;

/**
 * The firewall the lab puts in the way ({@code --firewall PLACE:ACTION[:TOOL]}): on the debugging host's input or on
 * the router nearest to it, dropping or rejecting the KDNET port, written with nftables or iptables.
 *
 * @param place where the rule sits
 * @param action what it does with the target's datagrams
 * @param tool which of the two Linux firewalls holds it
 */
public record FirewallSpec(Place place, Action action, Tool tool) {
    /** What {@code --firewall} takes, for messages and help. */
    public static final String FORMS = "host:drop, host:reject, router:drop or router:reject, optionally followed"
            + " by :nftables (the default) or :iptables";

    /** Where the rule sits. */
    public enum Place {
        /** The debugging host's input: the most common cause of a silent debugger. */
        HOST,
        /** The forward chain of the router nearest to the host: a network firewall on the path. */
        ROUTER
    }

    /** What the rule does with the target's datagrams. */
    public enum Action {
        /** Discards them silently. */
        DROP,
        /** Discards them and answers with ICMP port unreachable. */
        REJECT
    }

    /** The Linux firewall that holds the rule. */
    public enum Tool {
        /** {@code nft}. */
        NFTABLES,
        /** {@code iptables}. */
        IPTABLES
    }

    /** Reads {@code --firewall}'s value; a one-line {@link UsageException} if it is none of {@link #FORMS}. */
    public static FirewallSpec parse(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw wrong(text);
        }
        try {
            return new FirewallSpec(Place.valueOf(upper(parts[0])), Action.valueOf(upper(parts[1])),
                    parts.length == 3 ? Tool.valueOf(upper(parts[2])) : Tool.NFTABLES);
        } catch (IllegalArgumentException e) {
            throw wrong(text);
        }
    }

    /** The option's value that gives this firewall, e.g. {@code host:drop:iptables}. */
    public String text() {
        return lower(place) + ":" + lower(action) + ":" + lower(tool);
    }

    private static String upper(String part) {
        return part.toUpperCase(Locale.ROOT);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static UsageException wrong(String text) {
        return new UsageException("--firewall " + text + " is not a firewall the lab builds; expected " + FORMS);
    }
}
