package dev.kdnet.target.nic;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drops are all counted, but logged at most once per second per reason. */
class DropLogTest {
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.1", 50000);

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private long now;
    private DropLog drops;

    @BeforeEach
    void setUp() {
        Logger logger = new LoggerContext().getLogger("drops");
        lines.start();
        logger.addAppender(lines);
        drops = new DropLog(logger, "target 127.0.0.2:50000", () -> now);
    }

    @Test
    void aBurstOfOneReasonGivesOneLineAndTheNextLineCountsTheRest() {
        for (int i = 0; i < 100; i++) {
            drops.drop(DropReason.HMAC_MISMATCH, SENDER);
        }
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.get(0).getFormattedMessage())
                .isEqualTo("target 127.0.0.2:50000: dropped a datagram from 127.0.0.1:50000: HMAC mismatch (1 so far)");

        now += TimeUnit.SECONDS.toNanos(1);
        drops.drop(DropReason.HMAC_MISMATCH, SENDER);

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getFormattedMessage()).endsWith("(101 so far, 99 more since the last line)");
        assertThat(drops.counts()).containsEntry(DropReason.HMAC_MISMATCH, 101L).hasSize(1);
    }

    @Test
    void eachReasonHasItsOwnLimit() {
        drops.drop(DropReason.BAD_MAGIC, SENDER);
        drops.drop(DropReason.STALE_SEQUENCE, SENDER);
        drops.drop(DropReason.BAD_MAGIC, SENDER);

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .anyMatch(line -> line.contains("bad magic"))
                .anyMatch(line -> line.contains("stale sequence"));
        assertThat(drops.counts()).containsEntry(DropReason.BAD_MAGIC, 2L).containsEntry(DropReason.STALE_SEQUENCE, 1L);
    }
}
