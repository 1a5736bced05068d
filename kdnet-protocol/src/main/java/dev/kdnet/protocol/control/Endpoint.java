package dev.kdnet.protocol.control;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An address and port as a poke carries them: 16 address bytes (an IPv4 address as IPv4-mapped IPv6,
 * {@code ::ffff:a.b.c.d}) and a big-endian port (kdnet-wire §3.1). The raw 16 bytes are kept so that any value
 * survives a round trip.
 *
 * @param address the 16 address bytes (copied)
 * @param port    0..65535
 */
public record Endpoint(byte[] address, int port) {
    /** Length of the address field. */
    public static final int ADDRESS_LENGTH = 16;
    /** {@code ::ffff:0.0.0.0} port 0: "not bound to any host". */
    public static final Endpoint UNBOUND = ofIpv4(new byte[4], 0);

    public Endpoint {
        if (address.length != ADDRESS_LENGTH) {
            throw new IllegalArgumentException("address field must be 16 bytes, not " + address.length);
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        address = address.clone();
    }

    /** An IPv4 endpoint in IPv4-mapped form. */
    public static Endpoint of(Inet4Address ip, int port) {
        return ofIpv4(ip.getAddress(), port);
    }

    /** An IPv4 endpoint from a socket address that must hold an IPv4 address. */
    public static Endpoint of(InetSocketAddress socketAddress) {
        if (!(socketAddress.getAddress() instanceof Inet4Address ip)) {
            throw new IllegalArgumentException(socketAddress + " is not an IPv4 address");
        }
        return of(ip, socketAddress.getPort());
    }

    private static Endpoint ofIpv4(byte[] ipv4, int port) {
        byte[] mapped = new byte[ADDRESS_LENGTH];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return new Endpoint(mapped, port);
    }

    /** The 16 address bytes (a copy). */
    @Override
    public byte[] address() {
        return address.clone();
    }

    /** True if the address is in IPv4-mapped form. */
    public boolean isIpv4Mapped() {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
    }

    /** The IPv4 address, or {@code null} if the field is not IPv4-mapped. */
    public Inet4Address ipv4() {
        if (!isIpv4Mapped()) {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(address, 12, 16));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** True for the "not bound" value: port 0 (the address is then all zero in real pokes). */
    public boolean isUnbound() {
        return port == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && port == e.port && Arrays.equals(address, e.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(address), port);
    }

    @Override
    public String toString() {
        Inet4Address ip = ipv4();
        return (ip != null ? ip.getHostAddress() : java.util.HexFormat.of().formatHex(address)) + ":" + port;
    }
}
