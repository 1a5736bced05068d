package dev.kdnet.it.bench;

import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdLinkStats;
import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.nic.AgentConfig;
import dev.kdnet.sim.nic.TargetAgent;
import dev.kdnet.sim.stub.KdStub;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated target of the benchmark, a process of its own as {@code ./kdnet target} is, with one agent per port
 * on the same socket transport; it also tells its KD link's counters, which the command line does not. Command
 * {@code stats PORT} answers {@link KdLinkCounters#format}. Args: {@code key hostAddress targetAddress port...}.
 */
public final class BenchTarget {
    private static final Duration POKE_INTERVAL = Duration.ofMillis(200);

    private BenchTarget() {
    }

    /** Runs the agents until stdin ends. */
    public static void main(String[] args) throws Exception {
        KdnetKey key = KdnetKey.parse(args[0]);
        Inet4Address host = (Inet4Address) InetAddress.getByName(args[1]);
        Inet4Address local = (Inet4Address) InetAddress.getByName(args[2]);
        Map<Integer, TargetAgent> agents = new HashMap<>();
        try (UdpTransport transport = UdpTransport.create(1)) {
            for (int i = 3; i < args.length; i++) {
                int port = Integer.parseInt(args[i]);
                agents.put(port, TargetAgent.start(transport, AgentConfig.of(key, host, port, local)
                        .withPokeInterval(POKE_INTERVAL), KdStub.factory(KernelConfig.defaults())));
            }
            CommandLoop.serve(command -> {
                KdLinkStats link = agents.get(Integer.parseInt(command[1])).stats().link();
                return KdLinkCounters.of(link).format();
            });
            agents.values().forEach(TargetAgent::close);
        }
    }
}
