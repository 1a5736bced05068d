package dev.kdnet.protocol;

import java.net.InetSocketAddress;

/** Socket addresses as log lines show them: {@code 192.168.1.10:50000}, without a host name or leading slash. */
public final class AddressText {
    private AddressText() {
    }

    /** {@code ip:port}. */
    public static String of(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
