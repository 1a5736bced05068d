package dev.kdnet.sim.nic;

import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketException;

/** Finds the local address a target binds by default: the one the system routes to the host with. */
public final class LocalRoute {
    private LocalRoute() {
    }

    /**
     * The local IPv4 address of the route to {@code host}: a UDP socket is connected to {@code host:port} (no
     * datagram is sent) and asked for its local address.
     *
     * @throws IllegalStateException saying why when there is no such route or it is not IPv4
     */
    public static Inet4Address towards(Inet4Address host, int port) {
        InetAddress local;
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(host, port);
            local = probe.getLocalAddress();
        } catch (SocketException | UncheckedIOException e) {
            throw new IllegalStateException("no route to " + host.getHostAddress() + ": " + e.getMessage(), e);
        }
        if (local instanceof Inet4Address ipv4 && !ipv4.isAnyLocalAddress()) {
            return ipv4;
        }
        throw new IllegalStateException("no local IPv4 address routes to " + host.getHostAddress());
    }
}
