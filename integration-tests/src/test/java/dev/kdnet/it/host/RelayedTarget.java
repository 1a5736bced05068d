package dev.kdnet.it.host;

import dev.kdnet.host.relay.Impairment;
import dev.kdnet.host.relay.UdpRelay;
import dev.kdnet.sim.kernel.KernelConfig;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A simulated target behind the impairment relay: the host on 127.0.0.1:P, the relay on 127.0.0.3:P forwarding to
 * it, and the target on 127.0.0.2:P taking the relay for its host; the host answers the relay.
 *
 * @param target the target, poking the relay
 * @param relay  the relay between it and the host
 */
record RelayedTarget(LoopbackTarget target, UdpRelay relay) {
    /** The lossy path of the reliability tests: 5% loss, 1% duplicates, 2% reordered, 0.5% corrupted. */
    static final Impairment LOSSY = new Impairment(0.05, 0.01, 0.02, Duration.ZERO, Duration.ZERO, 0.005);
    /** The relay's seed unless the system property {@code kdnet.it.seed} names another, to repeat a run. */
    static final long SEED = Long.getLong("kdnet.it.seed", 5);
    static final int HOST = 1;
    static final int TARGET = 2;
    static final int RELAY = 3;

    /** Starts a relay applying {@code impairment} on {@code port} and a target of {@code kernel} behind it. */
    static RelayedTarget start(Closer closer, int port, Impairment impairment, KernelConfig kernel)
            throws Exception {
        UdpRelay relay = closer.add(UdpRelay.start(closer.transport,
                new InetSocketAddress(LoopbackTarget.loopback(RELAY), port),
                new InetSocketAddress(LoopbackTarget.loopback(HOST), port), impairment, SEED));
        LoopbackTarget target = closer.add(LoopbackTarget.towards(RELAY, DebuggerAttachIT.KEY, port, TARGET,
                kernel));
        return new RelayedTarget(target, relay);
    }
}
