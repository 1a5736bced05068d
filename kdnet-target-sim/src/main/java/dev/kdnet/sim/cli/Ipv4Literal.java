package dev.kdnet.sim.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Dotted-quad IPv4 literals, parsed strictly and without any name lookup. */
final class Ipv4Literal {
    private Ipv4Literal() {
    }

    /**
     * Parses {@code text} as {@code a.b.c.d}, each 0..255 in decimal.
     *
     * @param what names the setting in the error, e.g. {@code hostip}
     * @throws UsageException e.g. {@code hostip "fe80::1" is not an IPv4 address}
     */
    static Inet4Address parse(String what, String text) {
        String[] parts = text.split("\\.", -1);
        byte[] address = new byte[4];
        if (parts.length != address.length) {
            throw notIpv4(what, text);
        }
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                throw notIpv4(what, text);
            }
            address[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static UsageException notIpv4(String what, String text) {
        return new UsageException(what + " \"" + text
                + "\" is not an IPv4 address (expected a.b.c.d, like 192.168.1.10)");
    }
}
