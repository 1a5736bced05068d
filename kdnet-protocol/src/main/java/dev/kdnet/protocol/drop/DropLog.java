package dev.kdnet.protocol.drop;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.LogRateLimit;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Counts datagrams dropped from the network by {@link DropReason} and logs them with the sender's address, at most
 * one line per reason per second; a line says how many drops of that reason it did not log since the previous one.
 * The host's sessions and the target's agent each keep one. Confined to one event loop.
 */
public final class DropLog {
    private final Logger log;
    private final String who;
    private final LongSupplier nanoClock;
    private final EnumMap<DropReason, Long> counts = new EnumMap<>(DropReason.class);
    private final EnumMap<DropReason, LogRateLimit> limits = new EnumMap<>(DropReason.class);

    /**
     * @param log         where the lines go
     * @param who         names the side at the start of each line, such as "UDP 50000"
     * @param nanoClock   monotonic time
     */
    public DropLog(Logger log, String who, LongSupplier nanoClock) {
        this.log = log;
        this.who = who;
        this.nanoClock = nanoClock;
    }

    /** Counts one drop and logs it unless a line for the same reason went out less than a second ago. */
    public void drop(DropReason reason, InetSocketAddress sender) {
        long total = counts.merge(reason, 1L, Long::sum);
        LogRateLimit limit = limits.computeIfAbsent(reason, r -> new LogRateLimit(LogRateLimit.ONE_SECOND));
        if (limit.allows(nanoClock.getAsLong())) {
            long unlogged = limit.drainHeldBack();
            log.info("{}: dropped a datagram from {}: {} ({} so far{})", who, AddressText.of(sender),
                    reason.description(), total,
                    unlogged == 0 ? "" : ", " + unlogged + " more since the last line");
        }
    }

    /** Drops so far by reason (a copy; reasons never seen are absent). */
    public Map<DropReason, Long> counts() {
        return new EnumMap<>(counts);
    }
}
