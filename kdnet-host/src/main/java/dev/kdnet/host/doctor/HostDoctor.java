package dev.kdnet.host.doctor;

import dev.kdnet.host.firewall.FirewallReport;
import dev.kdnet.host.firewall.ToolOutput;
import dev.kdnet.host.session.BoundUdpSockets;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.key.KdnetKey;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./kdnet host doctor}: listens on the ports for a bounded time without answering anything (a real host
 * started later finds the target as it was), judges every datagram, reads this machine's firewall and IPsec state,
 * and returns the {@link DoctorReport}. A port another socket already holds (a running {@code host listen}) is not
 * listened on: the report says so.
 */
public final class HostDoctor {
    /** At most this many sources are tallied, so a flood cannot grow the report. */
    static final int MAX_SOURCES = 32;
    /** How long one wait for datagrams lasts at most, so the deadline is kept. */
    private static final int POLL_MILLIS = 200;

    private final Inet4Address bind;
    private final PortRange ports;
    private final Optional<KdnetKey> key;
    private final Duration listen;
    private final FixRules fixes;

    /**
     * @param bind   the local address to listen on (0.0.0.0 for all)
     * @param ports  the ports
     * @param key    the key to check the HMAC with, if given
     * @param listen how long to listen
     * @param fixes  where the verdict's fix comes from
     */
    public HostDoctor(Inet4Address bind, PortRange ports, Optional<KdnetKey> key, Duration listen, FixRules fixes) {
        this.bind = bind;
        this.ports = ports;
        this.key = key;
        this.listen = listen;
        this.fixes = fixes;
    }

    /**
     * Listens, then reports.
     *
     * @throws IOException if a free port cannot be bound or received from
     */
    public DoctorReport run() throws IOException {
        List<InetSocketAddress> bound = BoundUdpSockets.read();
        List<Integer> free = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int port : ports.ports()) {
            Optional<InetSocketAddress> rival = BoundUdpSockets.rival(bound, new InetSocketAddress(bind, port));
            rival.ifPresentOrElse(r -> held.add("UDP " + port + " is already bound by " + r.getAddress()
                    .getHostAddress() + ":" + r.getPort() + " (a running host listen?): not observed"),
                    () -> free.add(port));
        }
        Map<InetSocketAddress, SourceSeen> sources = free.isEmpty() ? Map.of() : listen(free);
        FirewallReport firewall = FirewallReport.inspect(ports, ToolOutput::run);
        DoctorReport.Seen seen = new DoctorReport.Seen(ports, held, key.isPresent(), listen,
                List.copyOf(sources.values()), localAddresses());
        return DoctorReport.of(seen, firewall, fixes);
    }

    private Map<InetSocketAddress, SourceSeen> listen(List<Integer> free) throws IOException {
        Map<InetSocketAddress, SourceSeen> sources = new LinkedHashMap<>();
        DatagramCrypto crypto = new DatagramCrypto();
        long deadline = System.nanoTime() + listen.toNanos();
        try (TtlSockets sockets = new TtlSockets(bind, free)) {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                int wait = (int) Math.max(1, Math.min(POLL_MILLIS, Duration.ofNanos(left).toMillis()));
                for (TtlSockets.Received datagram : sockets.receive(wait)) {
                    SourceSeen so = sources.get(datagram.source());
                    if (so == null && sources.size() >= MAX_SOURCES) {
                        continue;
                    }
                    DatagramLook look = DatagramLook.of(datagram.payload(), key, crypto);
                    sources.put(datagram.source(), (so == null ? SourceSeen.of(datagram.source()) : so)
                            .plus(datagram.port(), look, datagram.ttl()));
                }
            }
        }
        return sources;
    }

    /** This machine's addresses (a poke's hostip should be one of them). */
    private static Set<InetAddress> localAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            return Set.of();
        }
        return addresses;
    }
}
