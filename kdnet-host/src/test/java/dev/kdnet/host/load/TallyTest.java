package dev.kdnet.host.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.drop.DropReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {
    private static final DropReason BAD_MAC = DropReason.values()[0];
    private static final DropReason OTHER = DropReason.values()[1];

    @Test
    void sinceIsTheDifferenceAndLeavesOutReasonsThatDidNotGrow() {
        Tally earlier = new Tally(new Tally.Work(10, 1000, 1000, 0, 0),
                new Tally.Wire(40, 2, 1, Map.of(BAD_MAC, 3L, OTHER, 1L)));
        Tally later = new Tally(new Tally.Work(25, 2500, 2400, 1, 1),
                new Tally.Wire(100, 5, 4, Map.of(BAD_MAC, 7L, OTHER, 1L)));

        assertThat(later.since(earlier)).isEqualTo(new Tally(new Tally.Work(15, 1500, 1400, 1, 1),
                new Tally.Wire(60, 3, 3, Map.of(BAD_MAC, 4L))));
    }

    @Test
    void plusAddsEveryCounterAndMergesDrops() {
        Tally one = new Tally(new Tally.Work(1, 2, 3, 4, 5), new Tally.Wire(8, 6, 7, Map.of(BAD_MAC, 1L)));
        Tally two = new Tally(new Tally.Work(10, 20, 30, 40, 50),
                new Tally.Wire(80, 60, 70, Map.of(BAD_MAC, 2L, OTHER, 5L)));

        Tally sum = one.plus(two);

        assertThat(sum).isEqualTo(new Tally(new Tally.Work(11, 22, 33, 44, 55),
                new Tally.Wire(88, 66, 77, Map.of(BAD_MAC, 3L, OTHER, 5L))));
        assertThat(sum.totalDrops()).isEqualTo(8);
    }
}
