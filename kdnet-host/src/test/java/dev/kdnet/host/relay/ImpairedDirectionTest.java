package dev.kdnet.host.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One direction without sockets: what it sends, in which order, and what it counts. */
class ImpairedDirectionTest {
    private final List<byte[]> sent = new ArrayList<>();

    private void offerAll(ImpairedDirection direction, int count) {
        for (int i = 0; i < count; i++) {
            direction.offer(new byte[] {(byte) i, (byte) (i >> 8)}, (datagram, delay) -> sent.add(datagram));
        }
    }

    @Test
    void noImpairmentForwardsEveryDatagramUnchangedAndInOrder() {
        ImpairedDirection direction = new ImpairedDirection(new Impairer(Impairment.NONE, 1));

        offerAll(direction, 1000);

        assertThat(sent).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(sent.get(i)).containsExactly((byte) i, (byte) (i >> 8));
        }
        assertThat(direction.stats()).isEqualTo(new DirectionStats(1000, 0, 0, 0, 0, 0));
    }

    @Test
    void aHeldBackDatagramFollowsTheNextOne() {
        Impairment alwaysReorder = new Impairment(0, 0, 1, Duration.ZERO, Duration.ZERO, 0);
        ImpairedDirection direction = new ImpairedDirection(new Impairer(alwaysReorder, 1));

        offerAll(direction, 4);

        assertThat(sent).extracting(d -> (int) d[0]).containsExactly(1, 0, 3, 2);
        assertThat(direction.stats().reordered()).isEqualTo(2);
    }

    @Test
    void countsAddUpUnderEveryImpairment() {
        Impairment settings = new Impairment(0.05, 0.01, 0.02, Duration.ofMillis(1), Duration.ZERO, 0.005);
        ImpairedDirection direction = new ImpairedDirection(new Impairer(settings, 3));

        offerAll(direction, 10_000);

        DirectionStats stats = direction.stats();
        assertThat(stats.forwarded() + stats.dropped()).isEqualTo(10_000);
        assertThat(stats.delayed()).isEqualTo(stats.forwarded());
        assertThat((long) sent.size()).isBetween(stats.forwarded() + stats.duplicated() - 2,
                stats.forwarded() + stats.duplicated());
    }
}
