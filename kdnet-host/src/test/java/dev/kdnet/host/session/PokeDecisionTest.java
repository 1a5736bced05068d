package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PokeDecisionTest {
    private static final InetSocketAddress TARGET = new InetSocketAddress("10.0.0.5", 50000);
    private static final InetSocketAddress OTHER = new InetSocketAddress("10.0.0.6", 50000);

    @Test
    void theFirstPokeOfATargetIsAnsweredBoundOrNot() {
        assertThat(PokeDecision.decide(TARGET, true, null, false)).isEqualTo(PokeDecision.ANSWER_NEW_TARGET);
        assertThat(PokeDecision.decide(TARGET, false, null, false)).isEqualTo(PokeDecision.ANSWER_NEW_TARGET);
        assertThat(PokeDecision.ANSWER_NEW_TARGET.answers()).isTrue();
    }

    @Test
    void anUnboundPokeFromTheSessionsTargetAfterItUsedTheSessionMeansItRebooted() {
        assertThat(PokeDecision.decide(TARGET, true, TARGET, true)).isEqualTo(PokeDecision.ANSWER_REBOOTED);
        assertThat(PokeDecision.ANSWER_REBOOTED.answers()).isTrue();
    }

    @Test
    void aPokeFromTheSessionsTargetBeforeItUsedTheSessionMeansTheResponseWasLost() {
        assertThat(PokeDecision.decide(TARGET, true, TARGET, false)).isEqualTo(PokeDecision.ANSWER_AGAIN);
        assertThat(PokeDecision.decide(TARGET, false, TARGET, false)).as("bound to this host before it restarted")
                .isEqualTo(PokeDecision.ANSWER_AGAIN);
        assertThat(PokeDecision.ANSWER_AGAIN.answers()).isTrue();
    }

    @Test
    void aKeepaliveOfTheLiveSessionIsNeverAnswered() {
        assertThat(PokeDecision.decide(TARGET, false, TARGET, true)).isEqualTo(PokeDecision.IGNORE_KEEPALIVE);
        assertThat(PokeDecision.IGNORE_KEEPALIVE.answers()).isFalse();
    }

    @Test
    void anotherTargetIsAnsweredOnlyWhenUnbound() {
        for (boolean used : new boolean[] {false, true}) {
            assertThat(PokeDecision.decide(OTHER, true, TARGET, used)).isEqualTo(PokeDecision.ANSWER_UNBOUND_NEWCOMER);
            assertThat(PokeDecision.decide(OTHER, false, TARGET, used)).isEqualTo(PokeDecision.IGNORE_OTHER_TARGET);
        }
        assertThat(PokeDecision.IGNORE_OTHER_TARGET.answers()).isFalse();
    }
}
