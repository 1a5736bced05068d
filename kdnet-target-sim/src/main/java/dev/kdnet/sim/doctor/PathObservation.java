package dev.kdnet.sim.doctor;

import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.sim.nic.AgentConfig;
import dev.kdnet.sim.nic.AgentStats;
import dev.kdnet.sim.nic.IcmpSummary;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one simulated target saw of the path to its host during a doctor run.
 *
 * @param host            where the pokes went (hostip:P)
 * @param ttl             the IP TTL the pokes were sent with
 * @param pokesSent       pokes sent
 * @param handshakes      host responses accepted (a session came up when positive)
 * @param sendFailures    datagrams this machine refused to send
 * @param lastSendFailure the system's reason for the last of them
 * @param icmp            ICMP errors that came back
 * @param drops           datagrams that arrived but were dropped, by reason
 * @param elapsed         how long the target ran
 */
public record PathObservation(InetSocketAddress host, int ttl, long pokesSent, long handshakes, long sendFailures,
        Optional<String> lastSendFailure, IcmpSummary icmp, Map<DropReason, Long> drops, Duration elapsed) {
    public PathObservation {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(lastSendFailure, "lastSendFailure");
        Objects.requireNonNull(icmp, "icmp");
        Objects.requireNonNull(elapsed, "elapsed");
        drops = Map.copyOf(drops);
    }

    /** What the agent of {@code config} counted in {@code stats} after running for {@code elapsed}. */
    public static PathObservation of(AgentConfig config, AgentStats stats, Duration elapsed) {
        return new PathObservation(config.hostAddress(), config.socketOptions().ttl(), stats.pokesSent(),
                stats.handshakes(), stats.sendFailures(), stats.lastSendFailure(), stats.icmpErrors(), stats.drops(),
                elapsed);
    }
}
