package dev.kdnet.sim.nic;

import java.net.Inet4Address;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The ICMP errors that came back for one target's datagrams, at a moment.
 *
 * @param counts     errors by kind (kinds never seen are absent)
 * @param reporters  by kind, the addresses that sent them, first seen first (at most
 *                   {@link #MAX_REPORTERS} each)
 * @param nextHopMtu the next-hop MTU of the last fragmentation-needed error, if any came
 */
public record IcmpSummary(Map<IcmpErrorKind, Long> counts, Map<IcmpErrorKind, List<Inet4Address>> reporters,
        OptionalLong nextHopMtu) {
    /** Addresses kept per kind: enough to name the routers that answer, bounded against a flood. */
    public static final int MAX_REPORTERS = 4;
    /** No ICMP error. */
    public static final IcmpSummary NONE = new IcmpSummary(Map.of(), Map.of(), OptionalLong.empty());

    public IcmpSummary {
        counts = Map.copyOf(counts);
        reporters = Map.copyOf(reporters);
    }

    /** Errors of {@code kind}. */
    public long count(IcmpErrorKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** Addresses that reported errors of {@code kind}, first seen first. */
    public List<Inet4Address> reporters(IcmpErrorKind kind) {
        return reporters.getOrDefault(kind, List.of());
    }

    /** All errors. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
