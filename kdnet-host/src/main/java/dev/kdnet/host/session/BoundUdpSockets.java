package dev.kdnet.host.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The UDP sockets bound on this machine, as Linux lists them in {@code /proc/net/udp} and {@code /proc/net/udp6}
 * (every user's, in this network namespace; an IPv6 socket bound to an IPv4 address, as Netty's epoll transport
 * makes them, shows there with the IPv4-mapped address). The host reads it before binding: SO_REUSEADDR, which the one-machine lab needs, would
 * otherwise let a second host bind a port silently and take the first one's target.
 */
public final class BoundUdpSockets {
    /** Linux's tables of IPv4 and IPv6 UDP sockets. */
    static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
    private static final int LOCAL_ADDRESS_COLUMN = 1;
    /** A local address column: 8 (IPv4) or 32 (IPv6) hex digits, a colon, 4 hex digits of port. */
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("(?:[0-9A-Fa-f]{8}){1,4}:[0-9A-Fa-f]{4}");
    private static final int HEX = 16;
    private static final int WORD_DIGITS = 8;

    private BoundUdpSockets() {
    }

    /**
     * The local addresses of the sockets in {@link #TABLES}; the tables that cannot be read (not Linux, no IPv6)
     * add none.
     */
    public static List<InetSocketAddress> read() {
        List<InetSocketAddress> sockets = new ArrayList<>();
        for (Path table : TABLES) {
            try {
                sockets.addAll(parse(Files.readAllLines(table), ByteOrder.nativeOrder()));
            } catch (IOException e) {
                // nothing to tell about sockets of this family
            }
        }
        return sockets;
    }

    /**
     * The local addresses in {@code lines} of {@code /proc/net/udp} or {@code /proc/net/udp6}: a heading, then one
     * socket a line whose second column is {@code ADDRESS:PPPP}, the address as the kernel holds it in memory
     * printed as 32-bit numbers (one for IPv4, four for IPv6) of the machine's byte {@code order}, the port in hex.
     */
    static List<InetSocketAddress> parse(List<String> lines, ByteOrder order) {
        List<InetSocketAddress> sockets = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length <= LOCAL_ADDRESS_COLUMN || !LOCAL_ADDRESS.matcher(columns[LOCAL_ADDRESS_COLUMN])
                    .matches()) {
                continue;
            }
            String[] local = columns[LOCAL_ADDRESS_COLUMN].split(":");
            ByteBuffer address = ByteBuffer.allocate(local[0].length() / 2).order(order);
            for (int word = 0; word < local[0].length(); word += WORD_DIGITS) {
                address.putInt(Integer.parseUnsignedInt(local[0].substring(word, word + WORD_DIGITS), HEX));
            }
            sockets.add(new InetSocketAddress(address(address.array()), Integer.parseInt(local[1], HEX)));
        }
        return sockets;
    }

    /**
     * The socket among {@code bound} that a host binding {@code wanted} would take datagrams from: one on the same
     * address and port, or a wildcard one on the port. A socket of another address on the port (a simulated target
     * on this machine) is no such socket.
     */
    public static Optional<InetSocketAddress> rival(List<InetSocketAddress> bound, InetSocketAddress wanted) {
        return bound.stream().filter(socket -> socket.getPort() == wanted.getPort())
                .filter(socket -> socket.getAddress().equals(wanted.getAddress())
                        || socket.getAddress().isAnyLocalAddress())
                .findFirst();
    }

    /** The address of {@code bytes}: an IPv4-mapped IPv6 address is the IPv4 address. */
    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("4 or 16 bytes are always an IP address", impossible);
        }
    }
}
