package dev.kdnet.host.session;

import java.net.InetSocketAddress;

/**
 * What a host does with a poke that opened with the key (kdnet-wire §3.3): answer it (which re-keys the data
 * channel) or ignore it. A live session's keepalive must never be answered: the target would accept the answer,
 * re-key and reset its sequence mark, which breaks the working session.
 */
public enum PokeDecision {
    /** No session on this port yet: the first poke of a target is answered even when its bound fields are set
     * (the target was connected to a host process that is gone). */
    ANSWER_NEW_TARGET(true),
    /**
     * The session's target pokes unbound with new boot bytes in its nonce after data had come from it in its previous
     * boot: it rebooted; a new handshake follows.
     */
    ANSWER_REBOOTED(true),
    /**
     * The session's target pokes again, bound or not, before a single data datagram came under the key of the last
     * answer, and not unbound with new boot bytes after a session was up: our answer did not arrive (lost, or this
     * host's replies do not reach the target: an outbound firewall or IPsec policy drops them while {@code sendto}
     * succeeds). Answered again; not a reboot, even with new boot bytes when no data ever came: a target that never
     * heard us has no session with us to lose.
     */
    ANSWER_UNHEARD(true),
    /**
     * The session's target pokes unbound with the boot bytes of the poke last answered after data flowed under the
     * session's key: it started its handshake over without a reboot. Answered again; the target's kernel and
     * breakpoints are as they were.
     */
    ANSWER_AGAIN(true),
    /** Another address pokes unbound while a session is live: a target that came back under a new address. */
    ANSWER_UNBOUND_NEWCOMER(true),
    /** The session's own target, bound: a keepalive, ignored as WinDbg does. */
    IGNORE_KEEPALIVE(false),
    /** A bound target that is not this session's: it belongs to another host; ignored. */
    IGNORE_OTHER_TARGET(false);

    private final boolean answers;

    PokeDecision(boolean answers) {
        this.answers = answers;
    }

    /** True if the host sends a response (and starts a new session). */
    public boolean answers() {
        return answers;
    }

    /**
     * True if the answered target is the one answered before, in the same boot as far as the host can tell, so
     * there is no reboot to report: {@link #ANSWER_AGAIN} and {@link #ANSWER_UNHEARD}.
     */
    public boolean continuesTarget() {
        return this == ANSWER_AGAIN || this == ANSWER_UNHEARD;
    }

    /**
     * Decides about a poke.
     *
     * @param source        the poke's UDP source
     * @param unbound       true if the poke's bound-port field is 0
     * @param sessionTarget the target of this port's live session, or {@code null} if there is none
     * @param sameBoot      true if the poke's nonce has the boot bytes of the poke the live session answered
     * @param heardSince    true if a data datagram under the key of the last answer has come from its target: the
     *                      answer arrived
     * @param heardThisBoot true if data has come from the session's target since the host first answered a poke of
     *                      its current boot (under that answer's key or a later one): a session was up
     */
    public static PokeDecision decide(InetSocketAddress source, boolean unbound, InetSocketAddress sessionTarget,
            boolean sameBoot, boolean heardSince, boolean heardThisBoot) {
        if (sessionTarget == null) {
            return ANSWER_NEW_TARGET;
        }
        if (!sessionTarget.equals(source)) {
            return unbound ? ANSWER_UNBOUND_NEWCOMER : IGNORE_OTHER_TARGET;
        }
        if (unbound && !sameBoot && heardThisBoot) {
            return ANSWER_REBOOTED;
        }
        if (!heardSince) {
            return ANSWER_UNHEARD;
        }
        return unbound ? ANSWER_AGAIN : IGNORE_KEEPALIVE;
    }
}
