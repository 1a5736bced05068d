package dev.kdnet.host.session;

import dev.kdnet.protocol.link.KdLink;
import java.net.InetSocketAddress;

/**
 * What a {@link TargetSession} tells the layer above (the debugger engine): the session's own events, and the KD
 * link's events as the link reports them (the session hands every KD packet up undecoded; the layer above decodes
 * it and answers through the {@link TargetLink} it got). Every method runs on the session's event loop and must
 * not block.
 */
public interface SessionListener extends KdLink.Listener {
    /**
     * A handshake completed: a new data key and a new KD link.
     *
     * @param target    the target's UDP address
     * @param decision  why the poke was answered (a new target, a reboot, a newcomer, or the same poke again
     *                  because the response was lost)
     */
    default void connected(InetSocketAddress target, PokeDecision decision) {
    }

    /** The port has waited a silence window without an attached target; repeated every window. */
    default void silent(SilenceDiagnosis diagnosis) {
    }
}
