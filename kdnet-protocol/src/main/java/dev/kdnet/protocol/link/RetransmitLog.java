package dev.kdnet.protocol.link;

import dev.kdnet.protocol.LogRateLimit;
import dev.kdnet.protocol.kd.KdPacket;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Log lines about one {@link KdLink}'s retransmissions, for the host and the target alike: a resend after a timeout
 * is logged at DEBUG, at most once a second (with how many were not logged since), giving up always as a warning,
 * and each line carries the link's retransmit and timeout counts and its round-trip estimate, so a log alone shows
 * how a link is doing. Resends are DEBUG because a clean link has some too (a resend the retransmit timeout's floor
 * sends before a late ACK, counted as spurious): they are no news to a user, and the counts show in every later
 * line, in the link's summary and in {@code .kdstats}. Used from the link's thread only.
 */
public final class RetransmitLog {
    private final Logger log;
    private final String label;
    private final LongSupplier clock;
    private final Supplier<KdLinkStats> stats;
    private final LogRateLimit limit = new LogRateLimit(LogRateLimit.ONE_SECOND);

    /**
     * A log writing to {@code log}, each line starting with {@code label} (such as "UDP 50000"); {@code stats} gives
     * the link's counters when a line is written and {@code clock} the time in nanoseconds.
     */
    public RetransmitLog(Logger log, String label, LongSupplier clock, Supplier<KdLinkStats> stats) {
        this.log = log;
        this.label = label;
        this.clock = clock;
        this.stats = stats;
    }

    /** {@code packet} got no ACK in time and is sent again (DEBUG); {@code attempt} counts its sends so far. */
    public void retry(KdPacket packet, int attempt) {
        if (!limit.allows(clock.getAsLong())) {
            return;
        }
        long silenced = limit.drainHeldBack();
        String unlogged = silenced == 0 ? "" : " (" + silenced + " resends not logged since the last line)";
        log.debug("{}: no ACK for {} id 0x{}, sending it again (attempt {}){}; {}", label, packet.type(),
                Integer.toHexString(packet.id()), attempt, unlogged, counters(stats.get()));
    }

    /** {@code packet} got no ACK within the retry budget and was dropped. */
    public void gaveUp(KdPacket packet) {
        log.warn("{}: gave up on {} id 0x{}: no ACK after every retry; {}", label, packet.type(),
                Integer.toHexString(packet.id()), counters(stats.get()));
    }

    /** A line with the link's totals, for when it ends (a new handshake, a reboot, the session closing). */
    public void summary(String why) {
        log.info("{}: KD link ended ({}): {}", label, why, counters(stats.get()));
    }

    private static String counters(KdLinkStats s) {
        return String.format("%d packets sent, %d retransmits, %d timeouts, %d given up, %d received,"
                + " %d duplicates, %d bad; RTT %d samples, smoothed %.3f ms (min %.3f, max %.3f),"
                + " retransmit timeout %.1f ms; %d resends found spurious", s.dataSent(), s.retransmits(), s.timeouts(), s.gaveUp(),
                s.delivered(), s.duplicates(), s.badPackets(), s.rttSamples(), s.srttMicros() / 1000.0,
                s.minRttMicros() / 1000.0, s.maxRttMicros() / 1000.0, s.rtoMicros() / 1000.0,
                s.spuriousRetransmits());
    }
}
