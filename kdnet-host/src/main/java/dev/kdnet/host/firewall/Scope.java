package dev.kdnet.host.firewall;

import dev.kdnet.protocol.args.PortRange;
import java.net.Inet4Address;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule set lets through: KDNET's UDP ports (the same number on both ends, in both directions), from the
 * target's address or subnet to the debugging host's address, and for IPsec formats on which sides.
 *
 * @param ports  the UDP ports, e.g. 50000-50039
 * @param target the target's address or subnet; empty for any
 * @param host   the debugging host's address; empty for any of its addresses
 * @param sides  where IPsec exceptions go (ignored by the plain firewall formats)
 */
public record Scope(PortRange ports, Optional<Cidr> target, Optional<Inet4Address> host, Set<Side> sides) {
    /** The ports bcdedit recommends for KDNET, the default of {@code ./kdnet rules}. */
    public static final PortRange KDNET_PORTS = new PortRange(50000, 50039);
    /** Every address, as a CIDR. */
    private static final String ANY = "0.0.0.0/0";

    /** Copies the sides. */
    public Scope {
        sides = sides.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sides));
    }

    /** The scope of {@code ports} from {@code target} to {@code host}, for {@code sides}. */
    public static Scope of(PortRange ports, Optional<Cidr> target, Optional<Inet4Address> host, Set<Side> sides) {
        return new Scope(ports, target, host, sides);
    }

    /** The ports one by one: kernel xfrm policies and swanctl pass children take no port ranges. */
    public List<Integer> eachPort() {
        return ports.ports();
    }

    /** The host as a CIDR, {@code /32}, or {@code 0.0.0.0/0} for any. */
    String hostCidr() {
        return host.map(address -> Cidr.of(address).withPrefix()).orElse(ANY);
    }

    /** The target as a CIDR, or {@code 0.0.0.0/0} for any. */
    String targetCidr() {
        return target.map(Cidr::withPrefix).orElse(ANY);
    }

    /** The ports with {@code separator} between first and last, e.g. {@code 50000:50039}, or the one port. */
    String portText(String separator) {
        return ports.first() == ports.last() ? Integer.toString(ports.first())
                : ports.first() + separator + ports.last();
    }

    /** For comments: {@code UDP ports 50000-50039 from 10.0.0.0/24 to 10.0.0.5}. */
    String describe() {
        return describe(ports.toString());
    }

    /** For comments about one port or part of the range: {@code UDP port 50000 from ... to ...}. */
    String describe(String somePorts) {
        return "UDP " + (somePorts.contains("-") ? "ports " : "port ") + somePorts
                + target.map(cidr -> " from " + cidr).orElse(" from any address")
                + host.map(address -> " to " + address.getHostAddress()).orElse("");
    }
}
