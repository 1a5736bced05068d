package dev.kdnet.host.firewall;

import java.util.Map;
import java.util.Optional;

/**
 * Whether a port condition as nftables or iptables prints it covers a port: {@code 50000}, {@code 50010-50020}
 * (nft) or {@code 50002:50010} (iptables), sets {@code { 50001, 50005-50007 }} (nft) or lists {@code 50020,50030:50031}
 * (iptables multiport), a named nft set {@code @name} looked up in the table's sets, and {@code !=} or {@code !}
 * before any of them.
 */
final class PortSpec {
    private PortSpec() {
    }

    /**
     * True or false if {@code spec} (without its negation) covers {@code port}, empty if it cannot be told (a service
     * name, an unknown set).
     *
     * @param sets the element texts of the table's named sets, by name
     */
    static Optional<Boolean> covers(String spec, int port, Map<String, String> sets) {
        String text = spec.strip();
        if (text.startsWith("@")) {
            String elements = sets.get(text.substring(1));
            return elements == null ? Optional.empty() : covers(elements, port, Map.of());
        }
        text = text.replace("{", "").replace("}", "");
        boolean any = false;
        for (String element : text.split(",")) {
            String item = element.strip();
            if (item.isEmpty()) {
                continue;
            }
            String[] bounds = item.split("[-:]", -1);
            if (bounds.length > 2 || !bounds[0].matches("[0-9]+") || !bounds[bounds.length - 1].matches("[0-9]+")) {
                return Optional.empty();
            }
            int first = Integer.parseInt(bounds[0]);
            int last = Integer.parseInt(bounds[bounds.length - 1]);
            any |= first <= port && port <= last;
        }
        return Optional.of(any);
    }
}
