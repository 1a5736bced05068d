package dev.kdnet.host.firewall;

import dev.kdnet.protocol.args.Ipv4Argument;
import dev.kdnet.protocol.args.PortRange;
import java.util.Optional;
import java.util.Set;

/** Scopes the format tests share. */
final class Scopes {
    /** The default ports, any target, any host address, both ends. */
    static final Scope DEFAULT = Scope.of(Scope.KDNET_PORTS, Optional.empty(), Optional.empty(), Side.PRINTED);
    /** Two ports from a target subnet to one host address, on every side. */
    static final Scope NARROW = Scope.of(new PortRange(50000, 50001),
            Optional.of(Cidr.parse("--target", "10.213.2.0/24")),
            Optional.of(Ipv4Argument.parse("--host", "10.213.1.1")), Set.of(Side.HOST, Side.TARGET, Side.ROUTER));
    /** One port between one target address and one host address, on every side. */
    static final Scope ONE_PORT = Scope.of(PortRange.single(50005), Optional.of(Cidr.parse("--target", "10.213.2.7")),
            Optional.of(Ipv4Argument.parse("--host", "10.213.1.1")), Set.of(Side.HOST, Side.TARGET, Side.ROUTER));

    private Scopes() {
    }
}
