package dev.kdnet.host.session;

import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.link.KdLinkStats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Counters of one port's session at a moment ({@code .kdstats}).
 *
 * @param port         the UDP port
 * @param datagramsIn  datagrams received on the port
 * @param datagramsOut datagrams sent from the port
 * @param handshakes   pokes answered (each starts a new data key)
 * @param keepalives   keepalive pokes ignored
 * @param drops        dropped datagrams and packets by reason (reasons never seen are absent)
 * @param link         the current KD link's counters, if a handshake happened
 * @param limitedSources source addresses the rate limit on unauthenticated traffic remembers now (bounded)
 * @param talliedSenders senders whose datagrams the silence diagnosis tallies (bounded)
 * @param target       the target's address, if a handshake happened
 * @param sinceHeard   with a target: how long ago the last authentic datagram (poke or data) came from it
 */
public record SessionStats(int port, long datagramsIn, long datagramsOut, long handshakes, long keepalives,
        Map<DropReason, Long> drops, Optional<KdLinkStats> link, int limitedSources, int talliedSenders,
        Optional<InetSocketAddress> target, Optional<Duration> sinceHeard) {
    /** Copies the drop map. */
    public SessionStats {
        drops = Map.copyOf(drops);
    }

    /** All drops, whatever the reason. */
    public long totalDrops() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
