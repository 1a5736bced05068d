package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PokeDecisionTest {
    private static final InetSocketAddress TARGET = new InetSocketAddress("10.0.0.5", 50000);
    private static final InetSocketAddress OTHER = new InetSocketAddress("10.0.0.6", 50000);
    private static final boolean[] BOTH = {false, true};

    @Test
    void theFirstPokeOfATargetIsAnsweredBoundOrNot() {
        for (boolean flag : BOTH) {
            assertThat(PokeDecision.decide(TARGET, true, null, flag, flag, flag))
                    .isEqualTo(PokeDecision.ANSWER_NEW_TARGET);
            assertThat(PokeDecision.decide(TARGET, false, null, flag, flag, flag))
                    .isEqualTo(PokeDecision.ANSWER_NEW_TARGET);
        }
        assertThat(PokeDecision.ANSWER_NEW_TARGET.answers()).isTrue();
        assertThat(PokeDecision.ANSWER_NEW_TARGET.continuesTarget()).isFalse();
    }

    @Test
    void anUnboundPokeWithNewBootBytesAfterDataHadFlowedMeansItRebooted() {
        for (boolean heardSince : BOTH) {
            assertThat(PokeDecision.decide(TARGET, true, TARGET, false, heardSince, true))
                    .isEqualTo(PokeDecision.ANSWER_REBOOTED);
        }
        assertThat(PokeDecision.ANSWER_REBOOTED.answers()).isTrue();
        assertThat(PokeDecision.ANSWER_REBOOTED.continuesTarget()).isFalse();
    }

    @Test
    void aPokeRepeatedBeforeAnyDataCameUnderTheAnswersKeyMeansOurAnswerDidNotArrive() {
        assertThat(PokeDecision.decide(TARGET, true, TARGET, true, false, false)).as("unbound, same boot")
                .isEqualTo(PokeDecision.ANSWER_UNHEARD);
        assertThat(PokeDecision.decide(TARGET, false, TARGET, true, false, false))
                .as("bound to this host before it restarted").isEqualTo(PokeDecision.ANSWER_UNHEARD);
        assertThat(PokeDecision.decide(TARGET, true, TARGET, true, false, true))
                .as("a session was up, then our answer to its new handshake was lost")
                .isEqualTo(PokeDecision.ANSWER_UNHEARD);
        assertThat(PokeDecision.ANSWER_UNHEARD.answers()).isTrue();
        assertThat(PokeDecision.ANSWER_UNHEARD.continuesTarget()).isTrue();
    }

    @Test
    void newBootBytesFromATargetThatNeverSentDataAreNoRebootToReport() {
        assertThat(PokeDecision.decide(TARGET, true, TARGET, false, false, false))
                .isEqualTo(PokeDecision.ANSWER_UNHEARD);
    }

    @Test
    void anUnboundPokeOfTheAnsweredBootAfterTheSessionWasUsedIsANewHandshakeButNoReboot() {
        assertThat(PokeDecision.decide(TARGET, true, TARGET, true, true, true)).isEqualTo(PokeDecision.ANSWER_AGAIN);
        assertThat(PokeDecision.ANSWER_AGAIN.continuesTarget()).isTrue();
    }

    @Test
    void aKeepaliveOfTheLiveSessionIsNeverAnswered() {
        assertThat(PokeDecision.decide(TARGET, false, TARGET, true, true, true))
                .isEqualTo(PokeDecision.IGNORE_KEEPALIVE);
        assertThat(PokeDecision.IGNORE_KEEPALIVE.answers()).isFalse();
    }

    @Test
    void anotherTargetIsAnsweredOnlyWhenUnbound() {
        for (boolean flag : BOTH) {
            assertThat(PokeDecision.decide(OTHER, true, TARGET, flag, flag, flag))
                    .isEqualTo(PokeDecision.ANSWER_UNBOUND_NEWCOMER);
            assertThat(PokeDecision.decide(OTHER, false, TARGET, flag, flag, flag))
                    .isEqualTo(PokeDecision.IGNORE_OTHER_TARGET);
        }
        assertThat(PokeDecision.IGNORE_OTHER_TARGET.answers()).isFalse();
    }
}
