package dev.kdnet.sim.stub;

import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.link.KdLink;
import dev.kdnet.protocol.link.KdLinkStats;

/**
 * The KD side of one simulated target as its KDNET NIC agent sees it: the agent handles pokes, the handshake,
 * keys and sequence numbers, and hands this endpoint authenticated data-channel bodies. Every method is called on
 * the target's event loop.
 */
public interface KdEndpoint {
    /**
     * A host's response was accepted and the UNUSED hello sent; from now on {@code output} sends bodies to that
     * host in data datagrams. The first call after a boot starts the kernel's connect sequence; a later call (a new
     * host, or the same host restarted) forgets the old host's packet ids and keeps the kernel's state.
     */
    void hostConnected(KdLink.Output output);

    /** A data-channel body from the host, authenticated and newer than every earlier one. */
    void receive(KdBody body);

    /** The KD link's counters. */
    KdLinkStats stats();

    /** Stops every timer; the target shuts down or reboots. */
    void close();
}
