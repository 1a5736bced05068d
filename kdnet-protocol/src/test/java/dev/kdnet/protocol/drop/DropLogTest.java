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

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private long now;
    private DropLog drops;

    @BeforeEach
    void setUp() {
        Logger logger = new LoggerContext().getLogger("drops");
        lines.start();
        logger.addAppender(lines);
        drops = new DropLog(logger, "UDP 50000", () -> now);
    }

    @Test
    void aBurstOfOneReasonGivesOneLineASecondAndTheNextLineCountsTheRest() {
        for (int i = 0; i < 100; i++) {
            drops.drop(DropReason.HMAC_MISMATCH, SENDER);
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("UDP 50000: dropped a datagram from 127.0.0.2:50000: HMAC mismatch (1 so far)");

        now += TimeUnit.MILLISECONDS.toNanos(999);
        drops.drop(DropReason.HMAC_MISMATCH, SENDER);
        assertThat(lines.list).as("still within the second").hasSize(1);

        now += TimeUnit.MILLISECONDS.toNanos(1);
        drops.drop(DropReason.HMAC_MISMATCH, SENDER);
        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getFormattedMessage())
                .endsWith("HMAC mismatch (102 so far, 100 more since the last line)");
        assertThat(drops.counts()).containsExactlyEntriesOf(Map.of(DropReason.HMAC_MISMATCH, 102L));
    }

    @Test
    void eachReasonHasItsOwnSecond() {
        drops.drop(DropReason.OVERSIZED, SENDER);
        drops.drop(DropReason.STALE_SEQUENCE, SENDER);
        drops.drop(DropReason.OVERSIZED, SENDER);
        drops.drop(DropReason.STALE_SEQUENCE, SENDER);

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "UDP 50000: dropped a datagram from 127.0.0.2:50000: oversized (1 so far)",
                "UDP 50000: dropped a datagram from 127.0.0.2:50000: stale sequence (1 so far)");
        assertThat(drops.counts()).containsEntry(DropReason.OVERSIZED, 2L).containsEntry(DropReason.STALE_SEQUENCE, 2L)
                .hasSize(2);
    }
}
