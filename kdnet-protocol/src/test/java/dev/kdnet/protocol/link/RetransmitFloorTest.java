package dev.kdnet.protocol.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The retransmit floor rises after spurious retransmissions in a row and falls back after a needed one. */
class RetransmitFloorTest {
    private static final long CONFIGURED = 1_000_000L;

    @Test
    void oneSpuriousRetransmissionLeavesTheConfiguredFloor() {
        RetransmitFloor floor = new RetransmitFloor(CONFIGURED);
        floor.spurious(3_000_000L);
        assertThat(floor.nanos()).isEqualTo(CONFIGURED);
    }

    @Test
    void spuriousRetransmissionsInARowRaiseItToTwiceTheLongestFirstSendDelay() {
        RetransmitFloor floor = new RetransmitFloor(CONFIGURED);
        floor.spurious(3_000_000L);
        floor.spurious(1_500_000L);
        assertThat(floor.nanos()).isEqualTo(3_000_000L);
        floor.spurious(4_000_000L);
        assertThat(floor.nanos()).isEqualTo(8_000_000L);
        floor.spurious(1_200_000L);
        assertThat(floor.nanos()).as("a shorter delay does not lower it").isEqualTo(8_000_000L);
    }

    @Test
    void theFloorRisesNoHigherThanTheCeiling() {
        RetransmitFloor floor = new RetransmitFloor(CONFIGURED);
        floor.spurious(50_000_000L);
        floor.spurious(50_000_000L);
        assertThat(floor.nanos()).isEqualTo(RetransmitFloor.CEILING_NANOS).isEqualTo(20_000_000L);
    }

    @Test
    void aNeededRetransmissionPutsTheFloorBackAndStartsTheCountOver() {
        RetransmitFloor floor = new RetransmitFloor(CONFIGURED);
        floor.spurious(3_000_000L);
        floor.spurious(3_000_000L);
        floor.needed();
        assertThat(floor.nanos()).isEqualTo(CONFIGURED);
        floor.spurious(3_000_000L);
        assertThat(floor.nanos()).as("one spurious after a needed one is not in a row").isEqualTo(CONFIGURED);
    }

    @Test
    void spuriousAndNeededAlternatingAsOnAReorderingLossyLinkNeverRaiseIt() {
        RetransmitFloor floor = new RetransmitFloor(CONFIGURED);
        for (int i = 0; i < 10; i++) {
            floor.spurious(1_100_000L);
            assertThat(floor.nanos()).isEqualTo(CONFIGURED);
            floor.needed();
        }
    }
}
