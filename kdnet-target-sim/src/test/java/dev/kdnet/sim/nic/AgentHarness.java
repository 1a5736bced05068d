package dev.kdnet.sim.nic;

import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * One agent on 127.0.0.2:P with recording endpoints, talking to a {@link ScriptedHost} on 127.0.0.1:P. The two
 * loopback addresses let target and host share the port P, as they do across two machines.
 */
final class AgentHarness implements AutoCloseable {
    /** The key both sides use. */
    static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    /** The simulated target's own address. */
    static final Inet4Address TARGET_IP = ipv4("127.0.0.2");
    /** A short poke interval that keeps tests fast. */
    static final Duration FAST_POKES = Duration.ofMillis(100);
    /** A poke interval long enough that any poke a test sees within seconds was sent at once, not by the timer. */
    static final Duration SLOW_POKES = Duration.ofSeconds(30);

    final UdpTransport transport;
    final ScriptedHost host;
    final RecordingEndpoints endpoints;
    final TargetAgent agent;

    private AgentHarness(UdpTransport transport, ScriptedHost host, RecordingEndpoints endpoints, TargetAgent agent) {
        this.transport = transport;
        this.host = host;
        this.endpoints = endpoints;
        this.agent = agent;
    }

    /** Starts host and agent; the agent pokes every {@code pokeInterval}. */
    static AgentHarness start(Duration pokeInterval) throws IOException, InterruptedException {
        ScriptedHost host = ScriptedHost.bind(KEY);
        UdpTransport transport = UdpTransport.create(1);
        RecordingEndpoints endpoints = new RecordingEndpoints();
        AgentConfig config = AgentConfig.of(KEY, host.address(), host.port(), TARGET_IP).withPokeInterval(pokeInterval);
        return new AgentHarness(transport, host, endpoints, TargetAgent.start(transport, config, endpoints));
    }

    /** Answers the latest poke and returns the hello that follows; the agent is connected afterwards. */
    ScriptedHost.Received connect() {
        host.answer(host.latestPoke());
        return host.nextData();
    }

    static Inet4Address ipv4(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        agent.close();
        transport.close();
        host.close();
    }
}
