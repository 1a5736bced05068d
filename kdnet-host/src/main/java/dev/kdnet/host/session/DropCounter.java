package dev.kdnet.host.session;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Counts drops by {@link HostDropReason} and writes at most one log line per reason per second, with the sender and
 * the number of drops the previous quiet second swallowed. Used from one event loop only.
 */
final class DropCounter {
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Logger log;
    private final String port;
    private final LongSupplier clock;
    private final EnumMap<HostDropReason, Long> totals = new EnumMap<>(HostDropReason.class);
    private final EnumMap<HostDropReason, Long> lastLine = new EnumMap<>(HostDropReason.class);
    private final EnumMap<HostDropReason, Long> silenced = new EnumMap<>(HostDropReason.class);

    DropCounter(Logger log, int port, LongSupplier clock) {
        this.log = log;
        this.port = "UDP " + port;
        this.clock = clock;
    }

    void count(HostDropReason reason, InetSocketAddress sender) {
        long total = totals.merge(reason, 1L, Long::sum);
        long now = clock.getAsLong();
        Long previous = lastLine.get(reason);
        if (previous != null && now - previous < QUIET_NANOS) {
            silenced.merge(reason, 1L, Long::sum);
            return;
        }
        lastLine.put(reason, now);
        Long unlogged = silenced.remove(reason);
        log.info("{}: dropped a datagram from {}: {} (total {}{})", port, sender, reason.description(), total,
                unlogged == null ? "" : ", " + unlogged + " not logged");
    }

    Map<HostDropReason, Long> totals() {
        return new EnumMap<>(totals);
    }
}
