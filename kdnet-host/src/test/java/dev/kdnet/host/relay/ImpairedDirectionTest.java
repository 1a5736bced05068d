package dev.kdnet.host.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One direction without sockets: what it sends, in which order, and what it counts. */
class ImpairedDirectionTest {
    private final List<byte[]> sent = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    /** A direction whose hold timers wait in {@link #timers} until a test runs them. */
    private ImpairedDirection direction(Impairment impairment) {
        return new ImpairedDirection(new Impairer(impairment, 1), ImpairedDirection.holdLimit(impairment),
                (wait, task) -> {
                    waits.add(wait);
                    timers.add(task);
                });
    }

    private void offerAll(ImpairedDirection direction, int count) {
        for (int i = 0; i < count; i++) {
            direction.offer(new byte[] {(byte) i, (byte) (i >> 8)}, (datagram, delay) -> sent.add(datagram));
        }
    }

    @Test
    void noImpairmentForwardsEveryDatagramUnchangedAndInOrder() {
        ImpairedDirection direction = direction(Impairment.NONE);

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
        ImpairedDirection direction = direction(alwaysReorder);

        offerAll(direction, 4);

        assertThat(sent).extracting(d -> (int) d[0]).containsExactly(1, 0, 3, 2);
        assertThat(direction.stats().reordered()).isEqualTo(2);
    }

    @Test
    void aHeldBackDatagramGoesOnItsOwnWhenNothingFollowsInTime() {
        Impairment alwaysReorder = new Impairment(0, 0, 1, Duration.ofMillis(3), Duration.ZERO, 0);
        ImpairedDirection direction = direction(alwaysReorder);

        offerAll(direction, 1);
        assertThat(sent).isEmpty();
        assertThat(waits).containsExactly(Duration.ofMillis(11));

        timers.get(0).run();
        assertThat(sent).extracting(d -> (int) d[0]).containsExactly(0);
        timers.get(0).run();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aStaleTimerLeavesALaterHeldDatagramWaiting() {
        Impairment alwaysReorder = new Impairment(0, 0, 1, Duration.ZERO, Duration.ZERO, 0);
        ImpairedDirection direction = direction(alwaysReorder);

        offerAll(direction, 3);
        assertThat(sent).extracting(d -> (int) d[0]).containsExactly(1, 0);

        timers.get(0).run();
        assertThat(sent).hasSize(2);
        timers.get(1).run();
        assertThat(sent).extracting(d -> (int) d[0]).containsExactly(1, 0, 2);
    }

    @Test
    void countsAddUpUnderEveryImpairment() {
        Impairment settings = new Impairment(0.05, 0.01, 0.02, Duration.ofMillis(1), Duration.ZERO, 0.005);
        ImpairedDirection direction = direction(settings);

        offerAll(direction, 10_000);

        DirectionStats stats = direction.stats();
        assertThat(stats.forwarded() + stats.dropped()).isEqualTo(10_000);
        assertThat(stats.delayed()).isEqualTo(stats.forwarded());
        assertThat((long) sent.size()).isBetween(stats.forwarded() + stats.duplicated() - 2,
                stats.forwarded() + stats.duplicated());
    }
}
