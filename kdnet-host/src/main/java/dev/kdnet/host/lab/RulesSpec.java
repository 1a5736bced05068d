package dev.kdnet.host.lab;

import dev.kdnet.protocol.args.UsageException;
import java.util.Locale;

/**
 * Which generated rule set the lab applies ({@code --apply-rules FORMAT[:END]}) and on which end: the firewall
 * formats on the debugging host; {@code xfrm} on both ends (an IPsec bypass needs both), or on one only to show that
 * one is not enough.
 *
 * @param format the {@code ./kdnet rules --format} applied, one of the formats {@code --apply} takes
 * @param ends where it is applied
 */
public record RulesSpec(String format, Ends ends) {
    /** What {@code --apply-rules} takes, for messages and help. */
    public static final String FORMS = "nftables, iptables, xfrm (both ends), xfrm:host or xfrm:target";
    /** The format that holds IPsec bypass policies, applied on both ends unless one is named. */
    public static final String XFRM = "xfrm";

    /** The ends a rule set is applied on. */
    public enum Ends {
        /** The debugging host only. */
        HOST,
        /** The target only. */
        TARGET,
        /** Both the host and the target. */
        BOTH;

        /** Whether the host is among these ends. */
        public boolean host() {
            return this != TARGET;
        }

        /** Whether the target is among these ends. */
        public boolean target() {
            return this != HOST;
        }
    }

    /** Reads {@code --apply-rules}'s value; a one-line {@link UsageException} if it is none of {@link #FORMS}. */
    public static RulesSpec parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "nftables", "iptables" -> new RulesSpec(value, Ends.HOST);
            case XFRM -> new RulesSpec(XFRM, Ends.BOTH);
            case XFRM + ":host" -> new RulesSpec(XFRM, Ends.HOST);
            case XFRM + ":target" -> new RulesSpec(XFRM, Ends.TARGET);
            default -> throw new UsageException("--apply-rules " + text + " is not a rule set the lab applies;"
                    + " expected " + FORMS);
        };
    }
}
