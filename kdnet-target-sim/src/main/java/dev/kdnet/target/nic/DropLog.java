package dev.kdnet.target.nic;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Counts dropped datagrams by {@link DropReason} and logs them with the sender's address, at most one line per
 * reason per second; a line says how many drops of that reason it did not log since the previous one. Called only
 * from the agent's event loop.
 */
final class DropLog {
    /** At most one log line per reason in this interval. */
    static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Logger log;
    private final String who;
    private final LongSupplier nanoClock;
    private final EnumMap<DropReason, Long> counts = new EnumMap<>(DropReason.class);
    private final EnumMap<DropReason, RateLimit> limits = new EnumMap<>(DropReason.class);

    /**
     * @param log       where the lines go
     * @param who       names the agent at the start of each line
     * @param nanoClock monotonic time
     */
    DropLog(Logger log, String who, LongSupplier nanoClock) {
        this.log = log;
        this.who = who;
        this.nanoClock = nanoClock;
    }

    /** Counts one drop and logs it unless a line for the same reason went out less than a second ago. */
    void drop(DropReason reason, InetSocketAddress sender) {
        long total = counts.merge(reason, 1L, Long::sum);
        RateLimit limit = limits.computeIfAbsent(reason, r -> new RateLimit(LOG_INTERVAL_NANOS));
        if (limit.allows(nanoClock.getAsLong())) {
            long unlogged = limit.drainHeldBack();
            log.info("{}: dropped a datagram from {}: {} ({} so far{})", who, AddressText.of(sender),
                    reason.description(), total, unlogged == 0 ? "" : ", " + unlogged + " more since the last line");
        }
    }

    /** Drops so far by reason (a copy; reasons never seen are absent). */
    Map<DropReason, Long> counts() {
        return new EnumMap<>(counts);
    }
}
