package dev.kdnet.protocol.args;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 address as the user writes it: a dotted quad {@code a.b.c.d}, read without any name lookup. */
public final class Ipv4Argument {
    private static final int OCTETS = 4;
    private static final int MAX_OCTET = 255;

    private Ipv4Argument() {
    }

    /**
     * Parses {@code text} as {@code a.b.c.d}, each 0-255 in decimal.
     *
     * @param what names the setting in the error, e.g. {@code --hostip}
     * @throws UsageException e.g. {@code --hostip "fe80::1" is not an IPv4 address (expected a.b.c.d, like …)}
     */
    public static Inet4Address parse(String what, String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != OCTETS) {
            throw notIpv4(what, text);
        }
        byte[] address = new byte[OCTETS];
        for (int i = 0; i < OCTETS; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > MAX_OCTET) {
                throw notIpv4(what, text);
            }
            address[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", impossible);
        }
    }

    private static UsageException notIpv4(String what, String text) {
        return new UsageException(what + " \"" + text
                + "\" is not an IPv4 address (expected a.b.c.d, like 192.168.1.10)");
    }
}
