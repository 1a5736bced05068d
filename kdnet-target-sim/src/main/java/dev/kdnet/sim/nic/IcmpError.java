package dev.kdnet.sim.nic;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One ICMP error the kernel queued on a target's socket for a datagram it had sent.
 *
 * @param kind        what the error says
 * @param type        the ICMP type
 * @param code        the ICMP code
 * @param reporter    who sent the ICMP error (a router, or the destination itself), when the kernel names it
 * @param destination where the datagram that caused it was going, when the kernel says
 * @param info        the error's extra number: the next-hop MTU for {@link IcmpErrorKind#FRAGMENTATION_NEEDED}
 */
public record IcmpError(IcmpErrorKind kind, int type, int code, Optional<Inet4Address> reporter,
        Optional<InetSocketAddress> destination, long info) {
    public IcmpError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(destination, "destination");
    }
}
