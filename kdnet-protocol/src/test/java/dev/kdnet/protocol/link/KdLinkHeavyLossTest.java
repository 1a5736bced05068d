package dev.kdnet.protocol.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.kd.BreakIn;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.testing.ManualScheduler;
import java.time.Duration;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A link that loses many datagrams but still answers (issue 10, point 8): the back-off stays within
 * {@link RttEstimator#LIVE_BACKOFF_LIMIT} measured timeouts while the peer is heard, and only timeouts while it is
 * silent spend the retry budget; a peer silent for {@link KdLinkConfig#silenceAfter()} is backed off from up to the
 * largest timeout and given up on as before.
 */
class KdLinkHeavyLossTest {
    private static final byte[] REQUEST = {1, 2, 3, 4};
    private static final Duration LOOPBACK_ONE_WAY = Duration.ofNanos(30_000);
    private static final KdLinkConfig HOST = KdLinkConfig.defaults(KdRole.HOST);

    /** Gaps between successive sends of one data packet (by its id), in nanoseconds. */
    private static List<Long> resendGaps(List<LinkPair.Transit> sent) {
        Map<Integer, Long> last = new HashMap<>();
        List<Long> gaps = new ArrayList<>();
        for (LinkPair.Transit t : sent) {
            if (t.isData()) {
                Long before = last.put(((KdPacket) t.body()).id(), t.sentAt());
                if (before != null) {
                    gaps.add(t.sentAt() - before);
                }
            }
        }
        return gaps;
    }

    @Test
    void throughTwentyPercentLossEachWayEveryPacketArrivesOnceAndResendsKeepTheRoundTripsPace() {
        Random random = new Random(20);
        LinkPair link = new LinkPair(HOST, LOOPBACK_ONE_WAY).losing(t -> random.nextDouble() < 0.20);
        int count = 2_000;
        for (int i = 0; i < count; i++) {
            link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        }
        link.run(Duration.ofSeconds(30));

        List<Long> gaps = resendGaps(link.sentBy(KdRole.HOST));
        long limit = HOST.minRto().toNanos() * RttEstimator.LIVE_BACKOFF_LIMIT;
        assertThat(link.targetSeen.packets).hasSize(count);
        assertThat(link.targetSeen.packets).extracting(KdPacket::id).doesNotHaveDuplicates();
        assertThat(link.hostSeen.delivered).hasSize(count);
        assertThat(link.hostSeen.gaveUp).isEmpty();
        assertThat(gaps).as("resends happened").hasSizeGreaterThan(count / 4)
                .allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(limit));
        assertThat(gaps).as("the back-off was used").contains(limit);
        long lastDelivery = link.wire.get(link.wire.size() - 1).sentAt();
        assertThat(Duration.ofNanos(lastDelivery)).as("2,000 packets at a few ms per loss, not seconds")
                .isLessThan(Duration.ofSeconds(5));
    }

    /** A host link of {@code config} with a few clean 100 µs round trips behind it: its timeout is the 1 ms floor. */
    private static KdLink measured(KdLinkConfig config, ManualScheduler clock, List<KdBody> out,
            KdLink.Listener listener) {
        KdLink host = new KdLink(KdRole.HOST, config, clock, out::add, listener);
        for (int i = 0; i < 5; i++) {
            host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
            clock.advance(Duration.ofNanos(100_000));
            host.receive(KdPacket.control(KdPacketType.ACKNOWLEDGE, ((KdPacket) out.get(out.size() - 1)).id()));
        }
        out.clear();
        return host;
    }

    @Test
    void aPeerThatIsHeardNeverSpendsTheRetryBudget() {
        ManualScheduler clock = new ManualScheduler();
        List<KdBody> out = new ArrayList<>();
        LinkPair.Seen seen = new LinkPair.Seen();
        KdLink host = measured(HOST.withMaxRetries(2), clock, out, seen);
        host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        hearForMillis(host, clock, 1_000);

        assertThat(seen.gaveUp).isEmpty();
        assertThat(host.isPeerSilent()).isFalse();
        assertThat(out).as("a resend every 4 ms at most, in 1 s").hasSizeGreaterThanOrEqualTo(250);
        assertThat(host.stats().rtoMicros()).isEqualTo(4_000L);
    }

    @Test
    void aSilentPeerIsBackedOffFromUpToTheLargestTimeoutAndGivenUpOnAfterTheRetryBudget() {
        ManualScheduler clock = new ManualScheduler();
        List<KdBody> out = new ArrayList<>();
        List<Boolean> silentAtRetry = new ArrayList<>();
        List<Long> gaveUpAt = new ArrayList<>();
        KdLink[] self = new KdLink[1];
        KdLink host = measured(HOST, clock, out, new KdLink.Listener() {
            @Override
            public void onPacket(KdPacket packet) {
            }

            @Override
            public void onRetry(KdPacket packet, int attempt) {
                silentAtRetry.add(self[0].isPeerSilent());
            }

            @Override
            public void onGaveUp(KdPacket packet) {
                gaveUpAt.add(clock.nanoTime());
            }
        });
        self[0] = host;
        long lastHeard = clock.nanoTime();
        host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        clock.advance(Duration.ofSeconds(60));

        long silentFrom = lastHeard + HOST.silenceAfter().toNanos();
        assertThat(gaveUpAt).hasSize(1);
        assertThat(gaveUpAt.get(0)).isGreaterThan(silentFrom);
        int budget = HOST.maxRetries();
        assertThat(silentAtRetry.stream().filter(s -> s).count()).as("the budget, spent while silent")
                .isEqualTo(budget);
        assertThat(silentAtRetry.subList(0, silentAtRetry.size() - budget)).as("before it, resends while heard")
                .hasSizeGreaterThan(400).containsOnly(false);
        assertThat(host.stats().rtoMicros()).isEqualTo(HOST.maxRto().toNanos() / 1000);
    }

    @Test
    void aPeerHeardAgainIsProbedAtTheRoundTripsPaceAgain() {
        ManualScheduler clock = new ManualScheduler();
        List<KdBody> out = new ArrayList<>();
        KdLink host = measured(HOST, clock, out, new LinkPair.Seen());
        host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        clock.advance(HOST.silenceAfter().plusSeconds(10));
        assertThat(host.stats().rtoMicros()).isEqualTo(HOST.maxRto().toNanos() / 1000);

        hearForMillis(host, clock, HOST.maxRto().toMillis());
        out.clear();
        hearForMillis(host, clock, 100);

        assertThat(out).as("a resend every 4 ms again").hasSizeGreaterThanOrEqualTo(25);
    }

    /** The peer sends a stale ACK every millisecond for {@code millis}. */
    private static void hearForMillis(KdLink host, ManualScheduler clock, long millis) {
        for (long ms = 0; ms < millis; ms++) {
            host.receive(KdPacket.control(KdPacketType.ACKNOWLEDGE, 0x12));
            clock.advance(Duration.ofMillis(1));
        }
    }

    @Test
    void everyAuthenticatedBodyFromThePeerIsASignOfLife() {
        ManualScheduler clock = new ManualScheduler();
        int[] heard = {0};
        KdLink host = new KdLink(KdRole.HOST, HOST, clock, body -> { }, new KdLink.Listener() {
            @Override
            public void onPacket(KdPacket packet) {
            }

            @Override
            public void onPeerHeard() {
                heard[0]++;
            }
        });
        assertThat(host.isPeerSilent()).as("never heard").isTrue();
        KdPacket stop = KdPacket.data(KdPacketType.STATE_CHANGE64, 0, REQUEST);
        List<KdBody> bodies = List.of(new UnusedHello(0x7F000002), stop, stop,
                KdPacket.control(KdPacketType.ACKNOWLEDGE, 0x80000000), KdPacket.control(KdPacketType.RESEND, 0),
                KdPacket.control(KdPacketType.RESET, 2), BreakIn.INSTANCE,
                new KdPacket(KdPacket.DATA_LEADER, KdPacketType.STATE_CHANGE64, 2, 0, ByteBuffer.wrap(REQUEST)));
        bodies.forEach(host::receive);

        assertThat(heard[0]).isEqualTo(bodies.size());
        clock.advance(HOST.silenceAfter().minusNanos(1));
        assertThat(host.isPeerSilent()).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(host.isPeerSilent()).isTrue();
    }
}
