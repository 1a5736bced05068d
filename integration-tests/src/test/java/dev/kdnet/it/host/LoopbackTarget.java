package dev.kdnet.it.host;

import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.target.kernel.KernelConfig;
import dev.kdnet.target.kernel.SimulatedKernel;
import dev.kdnet.target.nic.AgentConfig;
import dev.kdnet.target.nic.TargetAgent;
import dev.kdnet.target.stub.KdEndpoint;
import dev.kdnet.target.stub.KdEndpointFactory;
import dev.kdnet.target.stub.KdStub;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated target on its own loopback address (127.0.0.2 and up) poking the host at 127.0.0.1:P every 200 ms,
 * with its current kernel reachable for comparisons.
 */
final class LoopbackTarget implements AutoCloseable {
    static final Duration POKE_INTERVAL = Duration.ofMillis(200);

    private final UdpTransport transport = UdpTransport.create(1);
    private final AtomicReference<KdStub> stub = new AtomicReference<>();
    private final TargetAgent agent;

    LoopbackTarget(KdnetKey key, int port, int addressByte, KernelConfig kernel) throws Exception {
        this(key, port, addressByte, kernel, POKE_INTERVAL);
    }

    LoopbackTarget(KdnetKey key, int port, int addressByte, KernelConfig kernel, Duration pokeInterval)
            throws Exception {
        KdEndpointFactory stubs = KdStub.factory(kernel);
        KdEndpointFactory capturing = (scheduler, reboot) -> {
            KdEndpoint endpoint = stubs.boot(scheduler, reboot);
            stub.set((KdStub) endpoint);
            return endpoint;
        };
        AgentConfig config = AgentConfig.of(key, (Inet4Address) InetAddress.getByName("127.0.0.1"), port,
                (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) addressByte}))
                .withPokeInterval(pokeInterval);
        agent = TargetAgent.start(transport, config, capturing);
    }

    /** A UDP port free on 127.0.0.1 now. */
    static int freePort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    SimulatedKernel kernel() {
        return stub.get().kernel();
    }

    TargetAgent agent() {
        return agent;
    }

    @Override
    public void close() {
        agent.close();
        transport.close();
    }
}
