package dev.kdnet.sim.nic;

import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.link.KdLinkStats;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * Counters of one {@link TargetAgent} at a moment.
 *
 * @param boots             endpoints booted (1 after start, +1 per reboot)
 * @param pokesSent         pokes sent in all boots
 * @param pokeRequests      empty control datagrams from a host that made the agent poke at once
 * @param handshakes        responses accepted (connections and re-keys)
 * @param dataSent          data datagrams sent, hellos included
 * @param dataDelivered     data bodies handed to the endpoint
 * @param staleSends        bodies handed over by the endpoint of an earlier boot, discarded
 * @param sendFailures      datagrams the socket failed to send
 * @param lastSendFailure   the system's reason for the last of them, empty if none failed
 * @param icmpErrors        ICMP errors that came back for the datagrams sent, where the socket can tell
 * @param drops             drops by reason (unmodifiable; reasons never seen are absent)
 * @param boundHost         the host the session is bound to, empty before a response is accepted
 * @param dataKeyFingerprint fingerprint of the data key in force, empty before a response is accepted
 * @param link              the KD link counters of the current boot's endpoint
 */
public record AgentStats(long boots, long pokesSent, long pokeRequests, long handshakes, long dataSent,
        long dataDelivered, long staleSends, long sendFailures, Optional<String> lastSendFailure,
        IcmpSummary icmpErrors, Map<DropReason, Long> drops,
        Optional<InetSocketAddress> boundHost, Optional<String> dataKeyFingerprint, KdLinkStats link) {
    public AgentStats {
        drops = Map.copyOf(drops);
    }

    /** Drops counted under {@code reason}. */
    public long dropped(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    /**
     * Datagrams the agent took in while running: each was dropped (by reason), asked for a poke, handshook or
     * delivered its body to the endpoint.
     */
    public long datagramsIn() {
        return totalDrops() + pokeRequests + handshakes + dataDelivered;
    }

    /** All drops. */
    public long totalDrops() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
