package dev.kdnet.host.firewall;

import dev.kdnet.protocol.args.Ipv4Argument;
import dev.kdnet.protocol.args.UsageException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * An IPv4 address or subnet as the user writes it: {@code a.b.c.d} (one address, /32) or {@code a.b.c.d/n}.
 *
 * @param network the first address of the subnet (host bits cleared)
 * @param prefix  the prefix length, 0-32
 */
public record Cidr(Inet4Address network, int prefix) {
    /** The prefix length of a single address. */
    public static final int HOST_PREFIX = 32;

    /** Checks the prefix and clears the host bits of {@code network}. */
    public Cidr {
        if (prefix < 0 || prefix > HOST_PREFIX) {
            throw new IllegalArgumentException("prefix " + prefix + " is not 0-32");
        }
        network = masked(network, prefix);
    }

    /** The single address {@code address}. */
    public static Cidr of(Inet4Address address) {
        return new Cidr(address, HOST_PREFIX);
    }

    /**
     * Parses {@code a.b.c.d} or {@code a.b.c.d/n}.
     *
     * @param what names the option in the error, e.g. {@code --target}
     * @throws UsageException e.g. {@code --target "10.0.0.0/33" has a prefix outside 0-32 (expected a.b.c.d or
     *                        a.b.c.d/n, like 192.168.1.0/24)}
     */
    public static Cidr parse(String what, String text) {
        int slash = text.indexOf('/');
        Inet4Address address = Ipv4Argument.parse(what, slash < 0 ? text : text.substring(0, slash));
        if (slash < 0) {
            return of(address);
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,2}") || Integer.parseInt(prefix) > HOST_PREFIX) {
            throw new UsageException(what + " \"" + text
                    + "\" has a prefix outside 0-32 (expected a.b.c.d or a.b.c.d/n, like 192.168.1.0/24)");
        }
        return new Cidr(address, Integer.parseInt(prefix));
    }

    /** True when this is one address (/32). */
    public boolean isHost() {
        return prefix == HOST_PREFIX;
    }

    /** {@code a.b.c.d/n}, also for one address ({@code /32}), as ip xfrm and swanctl take it. */
    public String withPrefix() {
        return network.getHostAddress() + "/" + prefix;
    }

    /** {@code a.b.c.d} for one address, {@code a.b.c.d/n} for a subnet. */
    @Override
    public String toString() {
        return isHost() ? network.getHostAddress() : withPrefix();
    }

    private static Inet4Address masked(Inet4Address address, int prefix) {
        int mask = prefix == 0 ? 0 : -1 << (HOST_PREFIX - prefix);
        int bits = ByteBuffer.wrap(address.getAddress()).getInt() & mask;
        try {
            return (Inet4Address) InetAddress.getByAddress(ByteBuffer.allocate(Integer.BYTES).putInt(bits).array());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", impossible);
        }
    }
}
