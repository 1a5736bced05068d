package dev.kdnet.protocol.drop;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every drop is counted, but each reason is logged at most once per second, with the count it held back. */
class DropLogTest {
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.2", 50000);

    private enum Reason {
        HMAC_MISMATCH, OVERSIZED, STALE_SEQUENCE;

        String words() {
            return name().toLowerCase().replace('_', ' ');
        }
    }

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private long now;
    private DropLog<Reason> drops;

    @BeforeEach
    void setUp() {
        Logger logger = new LoggerContext().getLogger("drops");
        lines.start();
        logger.addAppender(lines);
        drops = new DropLog<>(logger, "UDP 50000", Reason.class, Reason::words, () -> now);
    }

    @Test
    void aBurstOfOneReasonGivesOneLineASecondAndTheNextLineCountsTheRest() {
        for (int i = 0; i < 100; i++) {
            drops.drop(Reason.HMAC_MISMATCH, SENDER);
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("UDP 50000: dropped a datagram from 127.0.0.2:50000: hmac mismatch (1 so far)");

        now += TimeUnit.MILLISECONDS.toNanos(999);
        drops.drop(Reason.HMAC_MISMATCH, SENDER);
        assertThat(lines.list).as("still within the second").hasSize(1);

        now += TimeUnit.MILLISECONDS.toNanos(1);
        drops.drop(Reason.HMAC_MISMATCH, SENDER);
        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getFormattedMessage())
                .endsWith("hmac mismatch (102 so far, 100 more since the last line)");
        assertThat(drops.counts()).containsExactlyEntriesOf(Map.of(Reason.HMAC_MISMATCH, 102L));
    }

    @Test
    void eachReasonHasItsOwnSecond() {
        drops.drop(Reason.OVERSIZED, SENDER);
        drops.drop(Reason.STALE_SEQUENCE, SENDER);
        drops.drop(Reason.OVERSIZED, SENDER);
        drops.drop(Reason.STALE_SEQUENCE, SENDER);

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "UDP 50000: dropped a datagram from 127.0.0.2:50000: oversized (1 so far)",
                "UDP 50000: dropped a datagram from 127.0.0.2:50000: stale sequence (1 so far)");
        assertThat(drops.counts()).containsEntry(Reason.OVERSIZED, 2L).containsEntry(Reason.STALE_SEQUENCE, 2L)
                .hasSize(2);
    }
}
