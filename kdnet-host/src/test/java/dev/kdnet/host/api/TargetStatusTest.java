package dev.kdnet.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.session.SessionStats;
import dev.kdnet.protocol.link.KdLinkStats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One line of {@code .targets} from a session's counters and the engine's state. */
class TargetStatusTest {
    private static final InetSocketAddress TARGET = new InetSocketAddress("10.0.0.5", 50001);

    private static SessionStats stats(Optional<InetSocketAddress> target, Optional<Duration> sinceHeard,
            Optional<KdLinkStats> link) {
        return new SessionStats(50001, 10, 10, 1, 0, Map.of(), link, 0, 0, target, sinceHeard);
    }

    @Test
    void aTargetHeardWithinTheLimitKeepsTheEnginesState() {
        TargetStatus status = TargetStatus.of(stats(Optional.of(TARGET), Optional.of(TargetStatus.GONE_AFTER),
                Optional.empty()), Optional.empty(), TargetState.RUNNING);

        assertThat(status.state()).isEqualTo(TargetState.RUNNING);
        assertThat(status.address()).contains(TARGET);
        assertThat(status.port()).isEqualTo(50001);
    }

    @Test
    void aTargetSilentForLongerThanTheLimitIsGoneWhateverTheEngineBelieves() {
        Optional<Duration> silent = Optional.of(TargetStatus.GONE_AFTER.plusMillis(1));

        assertThat(TargetStatus.of(stats(Optional.of(TARGET), silent, Optional.empty()), Optional.empty(),
                TargetState.STOPPED).state()).isEqualTo(TargetState.GONE);
    }

    @Test
    void aPortThatNeverHadATargetIsWaitingNotGone() {
        assertThat(TargetStatus.of(stats(Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(),
                TargetState.WAITING).state()).isEqualTo(TargetState.WAITING);
    }

    @Test
    void theRoundTripIsTheLinksSmoothedOneOnceMeasured() {
        KdLinkStats measured = new KdLinkStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1250, 0, 0, 0, 0, 0);

        assertThat(TargetStatus.of(stats(Optional.of(TARGET), Optional.of(Duration.ZERO), Optional.of(measured)),
                Optional.empty(), TargetState.STOPPED).rtt()).contains(Duration.ofNanos(1_250_000));
        assertThat(TargetStatus.of(stats(Optional.of(TARGET), Optional.of(Duration.ZERO),
                Optional.of(KdLinkStats.NONE)), Optional.empty(), TargetState.STOPPED).rtt()).isEmpty();
    }
}
