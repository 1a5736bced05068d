package dev.kdnet.sim.nic;

import dev.kdnet.protocol.AddressText;
import dev.kdnet.protocol.LogRateLimit;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Datagrams an agent's socket could not send: counted, and logged at most once a second. Event-loop confined. */
final class SendFailures {
    private static final Logger LOG = LoggerFactory.getLogger(TargetAgent.class);

    private final String who;
    private final LongSupplier clock;
    private final LogRateLimit log = new LogRateLimit(LogRateLimit.ONE_SECOND);
    private long count;
    private String lastCause;

    SendFailures(String who, LongSupplier clock) {
        this.who = who;
        this.clock = clock;
    }

    /** Sending to {@code to} failed with {@code cause}. */
    void failed(InetSocketAddress to, Throwable cause) {
        count++;
        lastCause = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        if (log.allows(clock.getAsLong())) {
            long unlogged = log.drainHeldBack();
            LOG.warn("{}: sending to {} failed: {}{}", who, AddressText.of(to), lastCause,
                    unlogged == 0 ? "" : " (" + unlogged + " more failures since the last line)");
        }
    }

    /** Failures so far. */
    long count() {
        return count;
    }

    /** The system's reason for the last failure, if any. */
    Optional<String> lastCause() {
        return Optional.ofNullable(lastCause);
    }
}
