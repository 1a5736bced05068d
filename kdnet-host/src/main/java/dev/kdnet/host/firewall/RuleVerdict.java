package dev.kdnet.host.firewall;

import java.util.Optional;

/**
 * What one firewall rule does to a KDNET port's datagrams, read from its text: its verdict and the conditions
 * besides protocol and port that decide whether it applies to a given target.
 *
 * @param verdict   accept, drop or reject
 * @param condition the other conditions, empty if the rule applies to every UDP datagram of the port
 */
record RuleVerdict(Verdict verdict, String condition) {
    /** The verdicts that decide a datagram's fate in a chain. */
    enum Verdict {
        ACCEPT, DROP, REJECT
    }

    /** True if the rule applies whatever the target. */
    boolean certain() {
        return condition.isEmpty();
    }

    /** The blocker this rule is, if it drops or rejects. */
    Optional<Blocker> blocker(String tool, boolean inbound, String place, String text) {
        return switch (verdict) {
            case ACCEPT -> Optional.empty();
            case DROP -> Optional.of(new Blocker(tool, Blocker.Effect.DROP, inbound, place, text, condition));
            case REJECT -> Optional.of(new Blocker(tool, Blocker.Effect.REJECT, inbound, place, text, condition));
        };
    }
}
