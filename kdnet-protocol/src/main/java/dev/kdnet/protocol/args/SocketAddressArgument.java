package dev.kdnet.protocol.args;

import java.net.InetSocketAddress;

/** An {@code ADDR:PORT} pair as the user writes it: a dotted-quad IPv4 address and a port, e.g. 127.0.0.1:50000. */
public final class SocketAddressArgument {
    private SocketAddressArgument() {
    }

    /**
     * Parses {@code text}, the value of {@code option}.
     *
     * @throws UsageException naming both, e.g. {@code --to "foo": expected ADDR:PORT}
     */
    public static InetSocketAddress parse(String option, String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new UsageException(option + " \"" + text + "\": expected ADDR:PORT");
        }
        try {
            return new InetSocketAddress(Ipv4Argument.parse("address", text.substring(0, colon)),
                    PortArgument.parse(text.substring(colon + 1)));
        } catch (UsageException e) {
            throw new UsageException(option + " \"" + text + "\": expected ADDR:PORT (" + e.getMessage() + ")");
        }
    }
}
