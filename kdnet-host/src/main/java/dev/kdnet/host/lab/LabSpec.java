package dev.kdnet.host.lab;

import dev.kdnet.protocol.args.UsageException;
import java.util.Optional;

/**
 * The network {@code ./kdnet lab} builds, as its options give it.
 *
 * @param routers routers between the debugging host and the target, 0 to {@link #MAX_ROUTERS}
 * @param nat whether the router nearest to the host masquerades the target's datagrams
 * @param firewall the firewall rule in the way, if any
 * @param ipsec the IPsec policies requiring ESP between the end subnets, if any
 * @param rules the generated rule set applied, if any
 * @param linkLocal whether the target's link has a link-local (169.254/16) address, as after a failed DHCP
 * @param port the KDNET UDP port
 */
public record LabSpec(int routers, boolean nat, Optional<FirewallSpec> firewall, Optional<IpsecSpec> ipsec,
        Optional<RulesSpec> rules, boolean linkLocal, int port) {
    /** The most routers a lab has: enough to go past the target's TTL of 16 with room to spare. */
    public static final int MAX_ROUTERS = 32;

    /** Checks the combination; a one-line {@link UsageException} for one the lab cannot build. */
    public LabSpec {
        if (routers < 0 || routers > MAX_ROUTERS) {
            throw new UsageException("--routers " + routers + " is out of range; expected 0 to " + MAX_ROUTERS);
        }
        if (nat && routers == 0) {
            throw new UsageException("--nat needs a router to masquerade on; add --routers 1 or more");
        }
        if (firewall.filter(f -> f.place() == FirewallSpec.Place.ROUTER).isPresent() && routers == 0) {
            throw new UsageException("--firewall router:... needs a router; add --routers 1 or more");
        }
    }

    /** A plain lab: {@code routers} routers, nothing in the way. */
    public static LabSpec plain(int routers, int port) {
        return new LabSpec(routers, false, Optional.empty(), Optional.empty(), Optional.empty(), false, port);
    }
}
