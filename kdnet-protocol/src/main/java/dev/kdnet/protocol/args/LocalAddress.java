package dev.kdnet.protocol.args;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** An IPv4 address the user asks a socket to bind: one of this machine's own, or nothing can bind it. */
public final class LocalAddress {
    private LocalAddress() {
    }

    /**
     * Returns {@code address} if this machine has it: the wildcard address, a loopback address (all of 127.0.0.0/8
     * is local) or an address of one of its interfaces.
     *
     * @param what names the option in the error, e.g. {@code --bind}; leaving it out must choose an address itself
     * @throws UsageException e.g. {@code --bind 10.99.99.99 is not an address of this machine; give one of its
     *                        own (127.0.0.1, 192.168.1.10) or leave --bind out}
     */
    public static Inet4Address check(String what, Inet4Address address) {
        return check(what, address, interfaceAddresses());
    }

    /** {@link #check(String, Inet4Address)} on a machine whose interfaces have {@code own}. */
    static Inet4Address check(String what, Inet4Address address, List<Inet4Address> own) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || own.contains(address)) {
            return address;
        }
        throw new UsageException(what + " " + address.getHostAddress() + " is not an address of this machine; give"
                + " one of its own (" + own.stream().map(Inet4Address::getHostAddress).collect(Collectors.joining(", "))
                + ") or leave " + what + " out");
    }

    /** The IPv4 addresses of this machine's interfaces that are up; none if they cannot be listed. */
    static List<Inet4Address> interfaceAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream().filter(LocalAddress::isUp)
                    .flatMap(NetworkInterface::inetAddresses).filter(Inet4Address.class::isInstance)
                    .map(Inet4Address.class::cast).toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
