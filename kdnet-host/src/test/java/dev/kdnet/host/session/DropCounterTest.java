package dev.kdnet.host.session;

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
class DropCounterTest {
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.2", 50000);

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private long now;
    private DropCounter drops;

    @BeforeEach
    void setUp() {
        Logger logger = new LoggerContext().getLogger("drops");
        lines.start();
        logger.addAppender(lines);
        drops = new DropCounter(logger, 50000, () -> now);
    }

    @Test
    void aBurstOfOneReasonGivesOneLineASecondAndTheNextLineCountsTheRest() {
        for (int i = 0; i < 100; i++) {
            drops.count(HostDropReason.HMAC_MISMATCH, SENDER);
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("UDP 50000: dropped a datagram from /127.0.0.2:50000: HMAC mismatch (total 1)");

        now += TimeUnit.MILLISECONDS.toNanos(999);
        drops.count(HostDropReason.HMAC_MISMATCH, SENDER);
        assertThat(lines.list).as("still within the second").hasSize(1);

        now += TimeUnit.MILLISECONDS.toNanos(1);
        drops.count(HostDropReason.HMAC_MISMATCH, SENDER);
        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getFormattedMessage()).endsWith("HMAC mismatch (total 102, 100 not logged)");
        assertThat(drops.totals()).containsExactlyEntriesOf(Map.of(HostDropReason.HMAC_MISMATCH, 102L));
    }

    @Test
    void eachReasonHasItsOwnSecond() {
        drops.count(HostDropReason.OVERSIZED, SENDER);
        drops.count(HostDropReason.STALE_SEQUENCE, SENDER);
        drops.count(HostDropReason.OVERSIZED, SENDER);
        drops.count(HostDropReason.STALE_SEQUENCE, SENDER);

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "UDP 50000: dropped a datagram from /127.0.0.2:50000: oversized (total 1)",
                "UDP 50000: dropped a datagram from /127.0.0.2:50000: stale sequence (total 1)");
        assertThat(drops.totals()).containsEntry(HostDropReason.OVERSIZED, 2L)
                .containsEntry(HostDropReason.STALE_SEQUENCE, 2L).hasSize(2);
    }
}
