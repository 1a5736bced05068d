package dev.kdnet.protocol.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A link that learns from its needless resends: a peer that stalls now and then (its ACKs late but none lost) raises
 * the retransmit floor until the stalls stop causing resends, and the first datagram really lost brings it back.
 */
class KdLinkSpuriousRetransmitTest {
    private static final Duration ONE_WAY = Duration.ofNanos(50_000);
    private static final Duration STALL = Duration.ofNanos(2_500_000);
    private static final byte[] REQUEST = {1, 2, 3, 4};
    private static final int PACKETS = 1000;

    /** A host sending {@link #PACKETS} requests to a target that stalls for {@link #STALL} at each of {@code at}. */
    private static LinkPair stallingTarget(long... atMillis) {
        LinkPair link = new LinkPair(KdLinkConfig.defaults(KdRole.HOST), ONE_WAY);
        for (long at : atMillis) {
            link.stalling(KdRole.TARGET, Duration.ofMillis(at), STALL);
        }
        return link;
    }

    private static void sendAll(LinkPair link) {
        for (int i = 0; i < PACKETS; i++) {
            link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        }
    }

    /** The host's data transmissions, first sends and resends, in order. */
    private static List<LinkPair.Transit> hostData(LinkPair link) {
        return link.sentBy(KdRole.HOST).stream().filter(LinkPair.Transit::isData).toList();
    }

    /** Selects the first of the host's data transmissions sent at {@code atMillis} or later. */
    private static Predicate<LinkPair.Transit> firstHostDataFrom(long atMillis) {
        AtomicBoolean done = new AtomicBoolean();
        return t -> t.from() == KdRole.HOST && t.isData() && t.sentAt() >= Duration.ofMillis(atMillis).toNanos()
                && done.compareAndSet(false, true);
    }

    @Test
    void afterTwoStallsThatCausedNeedlessResendsLaterStallsCauseNone() {
        LinkPair link = stallingTarget(10, 20, 30, 40);
        sendAll(link);
        link.run(Duration.ofMillis(300));

        assertThat(link.targetSeen.packets).hasSize(PACKETS);
        assertThat(link.hostSeen.delivered).hasSize(PACKETS);
        KdLinkStats stats = link.host.stats();
        assertThat(stats.retransmits()).as("one resend in each of the first two stalls").isEqualTo(2);
        assertThat(stats.spuriousRetransmits()).isEqualTo(2);
        assertThat(stats.rtoMicros()).as("twice the first send's delay of about 2.55 ms")
                .isBetween(5_000L, 5_200L);
    }

    @Test
    void oneStallAloneRaisesNothing() {
        LinkPair link = stallingTarget(10);
        sendAll(link);
        link.run(Duration.ofMillis(300));

        assertThat(link.host.stats().spuriousRetransmits()).isEqualTo(1);
        assertThat(link.host.stats().rtoMicros()).isEqualTo(1_000L);
    }

    @Test
    void aLossAfterTheFloorRoseCostsTheRaisedTimeoutOnceAndTheNextLossTheConfiguredOne() {
        LinkPair link = stallingTarget(10, 20).losing(firstHostDataFrom(50).or(firstHostDataFrom(70)));
        sendAll(link);
        link.run(Duration.ofMillis(300));

        assertThat(link.targetSeen.packets).hasSize(PACKETS);
        List<LinkPair.Transit> data = hostData(link);
        List<Long> resendGaps = data.stream().filter(t -> t.sentAt() >= Duration.ofMillis(50).toNanos())
                .filter(t -> data.stream().anyMatch(u -> u.index() < t.index() && sameId(u, t)))
                .map(t -> t.sentAt() - data.stream().filter(u -> u.index() < t.index() && sameId(u, t))
                        .mapToLong(LinkPair.Transit::sentAt).max().orElseThrow())
                .toList();
        assertThat(resendGaps).as("the first loss waits the raised floor, the second the configured 1 ms")
                .hasSize(2).satisfies(gaps -> {
                    assertThat(gaps.get(0)).isBetween(5_000_000L, 5_200_000L);
                    assertThat(gaps.get(1)).isEqualTo(1_000_000L);
                });
        assertThat(link.host.stats().spuriousRetransmits()).isEqualTo(2);
    }

    private static boolean sameId(LinkPair.Transit a, LinkPair.Transit b) {
        return ((KdPacket) a.body()).id() == ((KdPacket) b.body()).id();
    }
}
