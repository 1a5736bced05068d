package dev.kdnet.host.cli;

import dev.kdnet.host.relay.DirectionStats;
import dev.kdnet.host.relay.Impairment;
import dev.kdnet.host.relay.RelayStats;
import dev.kdnet.host.relay.UdpRelay;
import dev.kdnet.protocol.netty.UdpTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The impairing relays of a load run, one per port, in this process: each listens on {@code relayAddress:P}, where
 * the target sends (its host address), and relays to the host on {@code hostAddress:P}. None without impairment.
 */
final class LoadRelays implements AutoCloseable {
    /** Port 0: the system picks one. */
    private static final int ANY_PORT = 0;

    private final List<UdpRelay> relays;

    private LoadRelays(List<UdpRelay> relays) {
        this.relays = List.copyOf(relays);
    }

    /** No relays: targets talk to the host directly. */
    static LoadRelays none() {
        return new LoadRelays(List.of());
    }

    /**
     * A relay per port, each seeded with {@code seed} and its port.
     *
     * @throws InterruptedException if interrupted while binding
     */
    static LoadRelays start(UdpTransport transport, List<Integer> ports, InetAddress relayAddress,
            InetAddress hostAddress, Impairment impairment, long seed) throws InterruptedException {
        List<InetSocketAddress> destinations = ports.stream().map(port -> new InetSocketAddress(hostAddress, port))
                .toList();
        return start(transport, ports, relayAddress, destinations, impairment, seed);
    }

    /**
     * One relay listening on {@code relayAddress} (a port the system picks: {@link #addresses()}) towards
     * {@code destination}: the baseline's.
     *
     * @throws InterruptedException if interrupted while binding
     */
    static LoadRelays towards(UdpTransport transport, InetAddress relayAddress, InetSocketAddress destination,
            Impairment impairment, long seed) throws InterruptedException {
        return start(transport, List.of(ANY_PORT), relayAddress, List.of(destination), impairment, seed);
    }

    private static LoadRelays start(UdpTransport transport, List<Integer> ports, InetAddress relayAddress,
            List<InetSocketAddress> destinations, Impairment impairment, long seed) throws InterruptedException {
        List<UdpRelay> started = new ArrayList<>();
        try {
            for (int i = 0; i < ports.size(); i++) {
                started.add(UdpRelay.start(transport, new InetSocketAddress(relayAddress, ports.get(i)),
                        destinations.get(i), impairment, seed ^ ports.get(i)));
            }
        } catch (RuntimeException | InterruptedException e) {
            started.forEach(UdpRelay::close);
            throw e;
        }
        return new LoadRelays(started);
    }

    /** Where the relays listen. */
    List<InetSocketAddress> addresses() {
        return relays.stream().map(UdpRelay::localAddress).toList();
    }

    /** The line that sums what the relays did, or none without relays. */
    List<String> summary() {
        if (relays.isEmpty()) {
            return List.of();
        }
        List<RelayStats> stats = relays.stream().map(UdpRelay::stats).toList();
        DirectionStats towardsHost = stats.stream().map(RelayStats::fromA).reduce(DirectionStats.ZERO,
                DirectionStats::plus);
        DirectionStats towardsTargets = stats.stream().map(RelayStats::toA).reduce(DirectionStats.ZERO,
                DirectionStats::plus);
        return List.of("relays towards the host: " + towardsHost.summary(),
                "relays towards the targets: " + towardsTargets.summary());
    }

    @Override
    public void close() {
        relays.forEach(UdpRelay::close);
    }
}
