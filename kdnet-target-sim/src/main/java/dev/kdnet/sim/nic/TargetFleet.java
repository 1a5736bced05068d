package dev.kdnet.sim.nic;

import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.sim.stub.KdEndpointFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Many simulated targets in one process, one {@link TargetAgent} per port, each with its own session, boot nonce
 * and endpoint (one {@code factory.boot} each), all on one transport's event loops.
 */
public final class TargetFleet implements AutoCloseable {
    private final List<TargetAgent> agents;

    private TargetFleet(List<TargetAgent> agents) {
        this.agents = agents;
    }

    /**
     * Starts one agent per configuration; if one cannot start, those already started are closed again.
     *
     * @throws InterruptedException  if interrupted while binding
     * @throws IllegalStateException naming the address that could not be bound
     */
    public static TargetFleet start(UdpTransport transport, List<AgentConfig> configs, KdEndpointFactory factory)
            throws InterruptedException {
        List<TargetAgent> started = new ArrayList<>(configs.size());
        try {
            for (AgentConfig config : configs) {
                started.add(TargetAgent.start(transport, config, factory));
            }
        } catch (InterruptedException | RuntimeException e) {
            started.forEach(TargetAgent::close);
            throw e;
        }
        return new TargetFleet(List.copyOf(started));
    }

    /** The agents, in the order of their configurations. */
    public List<TargetAgent> agents() {
        return agents;
    }

    /** Closes every agent. */
    @Override
    public void close() {
        agents.forEach(TargetAgent::close);
    }
}
