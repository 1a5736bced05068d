package dev.kdnet.host.session;

import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.kd.KdPacket;
import java.net.InetSocketAddress;

/**
 * What a {@link TargetSession} tells the layer above (the debugger API). Every method runs on the session's event
 * loop and must not block.
 */
public interface SessionListener {
    /**
     * A handshake completed: a new data key and a new KD link.
     *
     * @param target    the target's UDP address
     * @param decision  why the poke was answered (a new target, a reboot, a newcomer, or the same poke again
     *                  because the response was lost)
     */
    default void connected(InetSocketAddress target, PokeDecision decision) {
    }

    /** The target stopped, or reports loaded symbols (STATE_CHANGE64). */
    default void stateChanged(StateChange64 change) {
    }

    /** A reply to a manipulate request. */
    default void replied(ManipulateState64 reply) {
    }

    /** The target printed (DbgPrint). */
    default void printed(DebugIo print) {
    }

    /** A packet of ours was never acknowledged and was given up. */
    default void lost(KdPacket packet) {
    }

    /** The port has waited a silence window without an attached target; repeated every window. */
    default void silent(SilenceDiagnosis diagnosis) {
    }
}
