package dev.kdnet.sim.doctor;

import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.sim.nic.AgentConfig;
import dev.kdnet.sim.nic.AgentStats;
import dev.kdnet.sim.nic.TargetAgent;
import dev.kdnet.sim.stub.KdEndpointFactory;
import java.time.Duration;

/**
 * Runs one simulated target for a bounded time, as {@code ./kdnet target} would, and judges the path from what its
 * agent counted: it stops as soon as a session comes up, otherwise when the time is over.
 */
public final class TargetDoctor {
    /** How long the doctor tries by default: 20 s, six or seven pokes. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(20);
    /** How often it looks at the agent's counters. */
    static final Duration CHECK_INTERVAL = Duration.ofMillis(100);

    private TargetDoctor() {
    }

    /**
     * Runs the agent of {@code config} on {@code transport} for at most {@code limit} and returns the verdict; the
     * agent is closed when this returns.
     *
     * @throws InterruptedException  if interrupted while waiting
     * @throws IllegalStateException naming the address if it cannot be bound
     */
    public static PathVerdict diagnose(UdpTransport transport, AgentConfig config, KdEndpointFactory factory,
            Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        try (TargetAgent agent = TargetAgent.start(transport, config, factory)) {
            AgentStats stats = agent.stats();
            Duration elapsed = since(start);
            while (stats.handshakes() == 0 && elapsed.compareTo(limit) < 0) {
                Thread.sleep(Math.max(1, Math.min(CHECK_INTERVAL.toMillis(), limit.minus(elapsed).toMillis())));
                stats = agent.stats();
                elapsed = since(start);
            }
            return PathVerdict.of(PathObservation.of(config, stats, elapsed));
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
