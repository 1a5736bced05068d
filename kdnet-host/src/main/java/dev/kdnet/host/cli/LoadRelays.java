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
        List<UdpRelay> started = new ArrayList<>();
        try {
            for (int port : ports) {
                started.add(UdpRelay.start(transport, new InetSocketAddress(relayAddress, port),
                        new InetSocketAddress(hostAddress, port), impairment, seed ^ port));
            }
        } catch (RuntimeException | InterruptedException e) {
            started.forEach(UdpRelay::close);
            throw e;
        }
        return new LoadRelays(started);
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
