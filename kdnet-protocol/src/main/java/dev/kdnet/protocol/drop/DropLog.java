package dev.kdnet.protocol.drop;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.LogRateLimit;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Counts datagrams dropped from the network by reason and logs them with the sender's address, at most one line per
 * reason per second; a line says how many drops of that reason it did not log since the previous one. The host's
 * sessions and the target's agent each keep one, with their own reason enums. Confined to one event loop.
 *
 * @param <R> the reasons
 */
public final class DropLog<R extends Enum<R>> {
    private final Logger log;
    private final String who;
    private final Function<R, String> description;
    private final LongSupplier nanoClock;
    private final EnumMap<R, Long> counts;
    private final EnumMap<R, LogRateLimit> limits;

    /**
     * @param log         where the lines go
     * @param who         names the side at the start of each line, such as "UDP 50000"
     * @param reasons     the reason enum
     * @param description the words for a reason
     * @param nanoClock   monotonic time
     */
    public DropLog(Logger log, String who, Class<R> reasons, Function<R, String> description, LongSupplier nanoClock) {
        this.log = log;
        this.who = who;
        this.description = description;
        this.nanoClock = nanoClock;
        this.counts = new EnumMap<>(reasons);
        this.limits = new EnumMap<>(reasons);
    }

    /** Counts one drop and logs it unless a line for the same reason went out less than a second ago. */
    public void drop(R reason, InetSocketAddress sender) {
        long total = counts.merge(reason, 1L, Long::sum);
        LogRateLimit limit = limits.computeIfAbsent(reason, r -> new LogRateLimit(LogRateLimit.ONE_SECOND));
        if (limit.allows(nanoClock.getAsLong())) {
            long unlogged = limit.drainHeldBack();
            log.info("{}: dropped a datagram from {}: {} ({} so far{})", who, AddressText.of(sender),
                    description.apply(reason), total,
                    unlogged == 0 ? "" : ", " + unlogged + " more since the last line");
        }
    }

    /** Drops so far by reason (a copy; reasons never seen are absent). */
    public Map<R, Long> counts() {
        return new EnumMap<>(counts);
    }
}
