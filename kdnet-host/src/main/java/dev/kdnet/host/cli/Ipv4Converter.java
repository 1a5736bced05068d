package dev.kdnet.host.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a dotted-quad IPv4 option strictly, without any name lookup. */
final class Ipv4Converter implements ITypeConverter<Inet4Address> {
    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    @Override
    public Inet4Address convert(String value) {
        Matcher quad = DOTTED_QUAD.matcher(value);
        if (!quad.matches()) {
            throw notIpv4(value);
        }
        byte[] address = new byte[4];
        for (int i = 0; i < address.length; i++) {
            int octet = Integer.parseInt(quad.group(i + 1));
            if (octet > 255) {
                throw notIpv4(value);
            }
            address[i] = (byte) octet;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", impossible);
        }
    }

    private static TypeConversionException notIpv4(String value) {
        return new TypeConversionException(
                "'" + value + "' is not an IPv4 address (expected a.b.c.d, like 192.168.1.10)");
    }
}
