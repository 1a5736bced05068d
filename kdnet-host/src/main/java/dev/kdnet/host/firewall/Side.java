package dev.kdnet.host.firewall;

import dev.kdnet.protocol.args.UsageException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an IPsec exception goes: both ends of the KDNET traffic need their own (ESP required in either direction
 * blocks it), and a router that forwards between subnets under an ESP policy needs a {@code fwd} one.
 */
public enum Side {
    /** The debugging host, which receives on the KDNET port and replies from it. */
    HOST,
    /** The target's end: the target machine, or the namespace or gateway enforcing ESP on its behalf. */
    TARGET,
    /** A router forwarding between the two subnets. */
    ROUTER;

    /** The sides a rule set is printed for when none are named: both ends. */
    public static final Set<Side> PRINTED = Set.copyOf(EnumSet.of(HOST, TARGET));

    /** The name as written on the command line, e.g. {@code host}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma-separated list like {@code host,target}.
     *
     * @throws UsageException e.g. {@code --side "gateway" is not host, target or router (or a list like host,target)}
     */
    public static Set<Side> parseList(String text) {
        EnumSet<Side> sides = EnumSet.noneOf(Side.class);
        for (String name : text.split(",", -1)) {
            sides.add(Arrays.stream(values()).filter(side -> side.text().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new UsageException("--side \"" + text + "\" is not "
                            + Arrays.stream(values()).map(Side::text).collect(Collectors.joining(", "))
                                    .replaceFirst(", (\\w+)$", " or $1")
                            + " (or a list like host,target)")));
        }
        return Set.copyOf(sides);
    }
}
