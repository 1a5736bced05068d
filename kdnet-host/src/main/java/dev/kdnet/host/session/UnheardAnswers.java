package dev.kdnet.host.session;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.LogRateLimit;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Counts the pokes the session's target repeats without having heard the host's answer ({@link
 * PokeDecision#ANSWER_UNHEARD}) and says so at most once per {@link #LOG_INTERVAL_NANOS}: a target that pokes
 * every 3 s while this host's replies are dropped on the way out (an outbound firewall rule or an IPsec policy that
 * requires ESP: {@code sendto} succeeds and the datagram is gone) would otherwise look like a target that keeps
 * rebooting. Data from the target under the answer's key ends the count. Confined to one event loop.
 */
final class UnheardAnswers {
    /** At most one line per 30 s: ten pokes of a target that never hears us. */
    static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Logger log;
    private final String who;
    private final LongSupplier nanoClock;
    private final LogRateLimit limit = new LogRateLimit(LOG_INTERVAL_NANOS);
    private long repeated;

    /**
     * @param log       where the line goes
     * @param who       names the port at the start of the line, such as "UDP 50000"
     * @param nanoClock monotonic time
     */
    UnheardAnswers(Logger log, String who, LongSupplier nanoClock) {
        this.log = log;
        this.who = who;
        this.nanoClock = nanoClock;
    }

    /** {@code target} poked again without having heard the answer: counted, and logged unless held back. */
    void pokedAgain(InetSocketAddress target) {
        repeated++;
        if (limit.allows(nanoClock.getAsLong())) {
            limit.drainHeldBack();
            log.warn("{}: the target at {} pokes again without having heard our answer ({} {}): our replies do"
                    + " not reach it \u2014 a firewall or IPsec policy on this host's outbound path?", who,
                    AddressText.of(target), repeated, repeated == 1 ? "time" : "times");
        }
    }

    /** Data came under the answer's key: the answer arrived; the count starts again. */
    void heard() {
        repeated = 0;
    }

    /** Pokes repeated since the last data. */
    long repeated() {
        return repeated;
    }
}
