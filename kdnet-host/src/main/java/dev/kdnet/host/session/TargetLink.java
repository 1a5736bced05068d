package dev.kdnet.host.session;

import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdPacketType;

/** What the layer above a session sends through it to the target; every method on the session's event loop. */
public interface TargetLink {
    /** Queues a KD data packet to the target; false if no target has handshaken yet. */
    boolean send(KdPacketType type, byte[] payload);

    /** Sends the break-in byte; false if no target has handshaken yet. */
    boolean sendBreakIn();

    /** Counts a KD packet from the target that the layer above could not use. */
    void dropped(DropReason reason);
}
