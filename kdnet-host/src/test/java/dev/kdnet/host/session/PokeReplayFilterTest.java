package dev.kdnet.host.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A boot's pokes must grow in sequence; a new boot starts afresh; the number of boots remembered is bounded. */
class PokeReplayFilterTest {
    private final PokeReplayFilter filter = new PokeReplayFilter();

    /** A poke of boot number {@code boot} with nonce counter {@code counter}; the filter ignores the addresses. */
    private static Poke poke(int boot, int counter) {
        byte[] bootBytes = new byte[Poke.NONCE_LENGTH - 2];
        Arrays.fill(bootBytes, (byte) boot);
        return Poke.of(Poke.nonce(counter, bootBytes), Endpoint.UNBOUND, Endpoint.UNBOUND, Endpoint.UNBOUND);
    }

    @Test
    void aReplayedOrDuplicatedPokeOfTheSameBootIsNotFresh() {
        assertThat(filter.fresh(poke(1, 10), 3)).isTrue();
        assertThat(filter.fresh(poke(1, 11), 6)).isTrue();
        assertThat(filter.fresh(poke(1, 11), 6)).as("the same poke again").isFalse();
        assertThat(filter.fresh(poke(1, 10), 3)).as("an older poke").isFalse();
        assertThat(filter.fresh(poke(1, 12), 9)).isTrue();
    }

    @Test
    void aRebootedTargetStartsItsSequenceAgainWithNewBootBytes() {
        assertThat(filter.fresh(poke(1, 10), 30)).isTrue();
        assertThat(filter.fresh(poke(2, 500), 3)).isTrue();
        assertThat(filter.fresh(poke(1, 11), 33)).as("the old boot's later pokes are still judged by it").isTrue();
        assertThat(filter.fresh(poke(2, 500), 3)).isFalse();
    }

    @Test
    void remembersTheLatestBootsOnly() {
        for (int boot = 0; boot <= PokeReplayFilter.BOOTS; boot++) {
            assertThat(filter.fresh(poke(boot, 0), 3)).isTrue();
        }
        assertThat(filter.fresh(poke(PokeReplayFilter.BOOTS, 0), 3)).as("the newest boot is remembered").isFalse();
        assertThat(filter.fresh(poke(0, 0), 3)).as("the oldest boot was forgotten").isTrue();
    }
}
