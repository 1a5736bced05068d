package dev.kdnet.host.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.TypeConversionException;

/** An {@code ADDR:PORT} option: a dotted-quad IPv4 address and a port, e.g. {@code 127.0.0.1:50000}. */
final class SocketAddressArgument {
    private SocketAddressArgument() {
    }

    /** {@code text}, the value of {@code option}; a mistake is a {@link UsageException} naming both. */
    static InetSocketAddress parse(String option, String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new UsageException(option + " \"" + text + "\": expected ADDR:PORT");
        }
        try {
            return new InetSocketAddress(new Ipv4Converter().convert(text.substring(0, colon)),
                    PortArgument.parse(text.substring(colon + 1)));
        } catch (TypeConversionException | UsageException e) {
            throw new UsageException(option + " \"" + text + "\": expected ADDR:PORT (" + e.getMessage() + ")");
        }
    }
}
