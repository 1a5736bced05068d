package dev.kdnet.protocol.link;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resends are logged at DEBUG at most once a second with the link's counters; giving up is always logged. */
class RetransmitLogTest {
    private static final KdPacket REQUEST = KdPacket.data(KdPacketType.STATE_MANIPULATE, 0x80000004, new byte[56]);
    private static final KdLinkStats STATS = new KdLinkStats(40, 7, 5, 0, 39, 38, 0, 1, 2, 0, 0, 39, 1, 1, 0, 33,
            250, 40, 120, 4000, 1000, 3);

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private long now;
    private RetransmitLog log;

    @BeforeEach
    void setUp() {
        Logger logger = new LoggerContext().getLogger("link");
        lines.start();
        logger.addAppender(lines);
        log = new RetransmitLog(logger, "UDP 50000", () -> now, () -> STATS);
    }

    @Test
    void aResendLineIsDebugAndNamesThePacketAndCarriesTheCountersAndRoundTrip() {
        log.retry(REQUEST, 2);

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(line.getFormattedMessage()).isEqualTo("UDP 50000: no ACK for STATE_MANIPULATE id 0x80000004,"
                    + " sending it again (attempt 2); 40 packets sent, 7 retransmits, 5 timeouts, 0 given up,"
                    + " 39 received, 1 duplicates, 1 bad; RTT 33 samples, smoothed 0.250 ms (min 0.120, max 4.000),"
                    + " retransmit timeout 1.0 ms; 3 resends found spurious");
        });
    }

    @Test
    void aBurstOfResendsGivesOneLineASecondAndTheNextSaysHowManyWereNotLogged() {
        for (int i = 0; i < 50; i++) {
            log.retry(REQUEST, 2);
            now += TimeUnit.MILLISECONDS.toNanos(10);
        }
        assertThat(lines.list).hasSize(1);

        now += TimeUnit.SECONDS.toNanos(1);
        log.retry(REQUEST, 3);

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getFormattedMessage())
                .contains("(attempt 3) (49 resends not logged since the last line)");
    }

    @Test
    void givingUpIsAlwaysLoggedAsAWarning() {
        log.retry(REQUEST, 2);
        log.gaveUp(REQUEST);
        log.gaveUp(REQUEST);

        assertThat(lines.list).hasSize(3);
        assertThat(lines.list.subList(1, 3)).allSatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).startsWith("UDP 50000: gave up on STATE_MANIPULATE id 0x80000004")
                    .contains("7 retransmits, 5 timeouts");
        });
    }

    @Test
    void theSummarySaysWhyTheLinkEnded() {
        log.summary("new handshake");

        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("UDP 50000: KD link ended (new handshake): 40 packets sent, 7 retransmits");
    }
}
