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
    /** The session's target pokes unbound with new boot bytes in its nonce: it rebooted; a new handshake follows. */
    ANSWER_REBOOTED(true),
    /**
     * The session's target pokes again with the boot bytes of the poke last answered: unbound, or bound to this
     * host's address from before a host restart, before a single data datagram came under the session's key (the
     * response never reached it: lost or damaged on the way), or unbound after it did (it started its handshake over
     * without a reboot). Answered again; not a reboot: the target's kernel and breakpoints are as they were.
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
     * Decides about a poke.
     *
     * @param source        the poke's UDP source
     * @param unbound       true if the poke's bound-port field is 0
     * @param sessionTarget the target of this port's live session, or {@code null} if there is none
     * @param sameBoot      true if the poke's nonce has the boot bytes of the poke the live session answered
     * @param sessionUsed   true if a data datagram under the live session's key has come from its target
     */
    public static PokeDecision decide(InetSocketAddress source, boolean unbound, InetSocketAddress sessionTarget,
            boolean sameBoot, boolean sessionUsed) {
        if (sessionTarget == null) {
            return ANSWER_NEW_TARGET;
        }
        if (!sessionTarget.equals(source)) {
            return unbound ? ANSWER_UNBOUND_NEWCOMER : IGNORE_OTHER_TARGET;
        }
        if (unbound && !sameBoot) {
            return ANSWER_REBOOTED;
        }
        return unbound || !sessionUsed ? ANSWER_AGAIN : IGNORE_KEEPALIVE;
    }
}
