package dev.kdnet.sim.nic;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.LogRateLimit;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ICMP errors that came back for an agent's datagrams: counted by kind with the addresses that sent them, and
 * logged at most once a second (with the number held back). Event-loop confined.
 */
final class IcmpErrors {
    private static final Logger LOG = LoggerFactory.getLogger(TargetAgent.class);

    private final String who;
    private final LongSupplier clock;
    private final LogRateLimit log = new LogRateLimit(LogRateLimit.ONE_SECOND);
    private final LogRateLimit unexplainedLog = new LogRateLimit(LogRateLimit.ONE_SECOND);
    private final Map<IcmpErrorKind, Long> counts = new EnumMap<>(IcmpErrorKind.class);
    private final Map<IcmpErrorKind, List<Inet4Address>> reporters = new EnumMap<>(IcmpErrorKind.class);
    private OptionalLong nextHopMtu = OptionalLong.empty();

    IcmpErrors(String who, LongSupplier clock) {
        this.who = who;
        this.clock = clock;
    }

    /** One more error came back. */
    void record(IcmpError error) {
        counts.merge(error.kind(), 1L, Long::sum);
        error.reporter().ifPresent(address -> {
            List<Inet4Address> known = reporters.computeIfAbsent(error.kind(), kind -> new ArrayList<>());
            if (!known.contains(address) && known.size() < IcmpSummary.MAX_REPORTERS) {
                known.add(address);
            }
        });
        if (error.kind() == IcmpErrorKind.FRAGMENTATION_NEEDED) {
            nextHopMtu = OptionalLong.of(error.info());
        }
        if (log.allows(clock.getAsLong())) {
            long unlogged = log.drainHeldBack();
            LOG.warn("{}: ICMP {} (type {} code {}){}{}{}{}", who, error.kind().description(), error.type(),
                    error.code(), error.reporter().map(r -> " from " + r.getHostAddress()).orElse(""),
                    error.destination().map(d -> " for a datagram to " + AddressText.of(d)).orElse(""),
                    error.kind() == IcmpErrorKind.FRAGMENTATION_NEEDED ? " (next-hop MTU " + error.info() + ")" : "",
                    unlogged == 0 ? "" : " (" + unlogged + " more ICMP errors since the last line)");
        }
    }

    /** The socket reported an error the error queue did not explain (or cannot be read here). */
    void unexplained(Throwable cause) {
        if (unexplainedLog.allows(clock.getAsLong())) {
            long unlogged = unexplainedLog.drainHeldBack();
            LOG.warn("{}: the socket reports an error: {}{}", who, cause.getMessage(),
                    unlogged == 0 ? "" : " (" + unlogged + " more since the last line)");
        }
    }

    /** The errors so far. */
    IcmpSummary summary() {
        Map<IcmpErrorKind, List<Inet4Address>> copied = new EnumMap<>(IcmpErrorKind.class);
        reporters.forEach((kind, addresses) -> copied.put(kind, List.copyOf(addresses)));
        return new IcmpSummary(counts, copied, nextHopMtu);
    }
}
