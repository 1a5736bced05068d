package dev.kdnet.protocol.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.FileIo;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Host and target links over a lossy in-memory wire: every packet arrives once, whatever the wire does. */
class KdLinkLossTest {
    private static final Duration ONE_WAY = Duration.ofMillis(1);
    private static final byte[] REQUEST = {1, 2, 3, 4};
    private static final byte[] PRINT = DebugIo.printString(6, 0, "nobody listens\n").encode();

    private static LinkPair pair() {
        return new LinkPair(KdLinkConfig.defaults(KdRole.HOST), ONE_WAY);
    }

    /** A payload whose first 32-bit word, the NewState or ApiNumber, is {@code word}. */
    private static byte[] startingWith(int word) {
        byte[] payload = new byte[16];
        WireBytes.wrap(payload).putInt(0, word);
        return payload;
    }

    private static int idOf(LinkPair.Transit transit) {
        return ((KdPacket) transit.body()).id();
    }

    /** Loses only the first transmission {@code which} selects. */
    private static java.util.function.Predicate<LinkPair.Transit> first(
            java.util.function.Predicate<LinkPair.Transit> which) {
        AtomicBoolean done = new AtomicBoolean();
        return t -> which.test(t) && done.compareAndSet(false, true);
    }

    @Test
    void aCleanExchangeIsOnePacketAndOneAckWithIdsOfTheKdnetDialect() {
        LinkPair link = pair();
        link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        link.run(Duration.ofMillis(10));
        link.target.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        link.run(Duration.ofMillis(10));

        assertThat(link.targetSeen.packets).extracting(KdPacket::id).containsExactly(0x80000000, 0x80000002);
        assertThat(link.hostSeen.packets).extracting(KdPacket::id).containsExactly(0);
        assertThat(link.wire).hasSize(6);
        assertThat(link.host.stats().retransmits()).isZero();
        assertThat(link.host.stats().rttSamples()).isEqualTo(2);
        assertThat(link.host.stats().srttMicros()).isEqualTo(2000);
    }

    @Test
    void aLostAckIsRecoveredByRetransmissionAndTheDuplicateIsReAckedNotRedelivered() {
        LinkPair link = pair().losing(first(t -> t.from() == KdRole.TARGET && t.is(KdPacketType.ACKNOWLEDGE)));
        link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        link.run(Duration.ofSeconds(2));

        assertThat(link.targetSeen.packets).hasSize(1);
        assertThat(link.hostSeen.delivered).hasSize(1);
        assertThat(link.sentBy(KdRole.HOST)).filteredOn(LinkPair.Transit::isData).hasSize(2);
        assertThat(link.target.stats().duplicates()).isEqualTo(1);
        assertThat(link.target.stats().acksSent()).isEqualTo(2);
        assertThat(link.host.stats().timeouts()).isEqualTo(1);
        assertThat(link.host.isIdle()).isTrue();
    }

    @Test
    void aLostDataPacketIsSentAgainWithTheSameId() {
        LinkPair link = pair().losing(first(t -> t.from() == KdRole.TARGET && t.isData()));
        link.target.send(KdPacketType.STATE_CHANGE64, REQUEST);
        link.run(Duration.ofMillis(499));
        assertThat(link.hostSeen.packets).isEmpty();
        link.run(Duration.ofMillis(10));

        assertThat(link.hostSeen.packets).extracting(KdPacket::id).containsExactly(0);
        assertThat(link.sentBy(KdRole.TARGET)).filteredOn(LinkPair.Transit::isData)
                .extracting(t -> ((KdPacket) t.body()).id()).containsExactly(0, 0);
        assertThat(link.target.stats().retransmits()).isEqualTo(1);
    }

    @Test
    void aDuplicatedDataPacketIsDeliveredOnceAndAckedTwice() {
        LinkPair link = pair().duplicating(LinkPair.Transit::isData);
        link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        link.run(Duration.ofMillis(50));

        assertThat(link.targetSeen.packets).extracting(KdPacket::id).containsExactly(0x80000000, 0x80000002);
        assertThat(link.target.stats().duplicates()).isEqualTo(2);
        assertThat(link.target.stats().acksSent()).isEqualTo(4);
        assertThat(link.host.stats().staleAcks()).isEqualTo(2);
    }

    @Test
    void aDamagedPacketIsAnsweredWithResendAndTheSenderSendsItAgainAtOnce() {
        KdLinkConfig config = KdLinkConfig.defaults(KdRole.TARGET);
        java.util.List<dev.kdnet.protocol.kd.KdBody> out = new java.util.ArrayList<>();
        LinkPair.Seen seen = new LinkPair.Seen();
        KdLink target = new KdLink(KdRole.TARGET, config, new dev.kdnet.protocol.testing.ManualScheduler(),
                out::add, seen);
        KdPacket good = KdPacket.data(KdPacketType.STATE_MANIPULATE, 0x80000000, REQUEST);
        KdPacket damaged = new KdPacket(good.leader(), good.type(), good.id(), good.checksum() + 1, ByteBuffer.wrap(REQUEST));
        target.receive(damaged);
        assertThat(out).containsExactly(KdPacket.control(KdPacketType.RESEND, 0));
        assertThat(seen.packets).isEmpty();
        target.receive(good);
        assertThat(seen.packets).containsExactly(good);
        assertThat(target.stats().badPackets()).isEqualTo(1);

        LinkPair link = pair();
        link.target.send(KdPacketType.STATE_CHANGE64, REQUEST);
        link.host.receive(KdPacket.control(KdPacketType.RESEND, 0));
        link.target.receive(KdPacket.control(KdPacketType.RESEND, 0));
        assertThat(link.sentBy(KdRole.TARGET)).filteredOn(LinkPair.Transit::isData).hasSize(2);
        assertThat(link.target.stats().resendsReceived()).isEqualTo(1);
    }

    @Test
    void retriesExhaustedGivesUpAndMovesOnToTheNextPacket() {
        LinkPair link = new LinkPair(KdLinkConfig.defaults(KdRole.TARGET).withMaxRetries(3)
                .withFixedRto(Duration.ofMillis(500)), ONE_WAY)
                .losing(t -> t.from() == KdRole.TARGET && t.isData() && ((KdPacket) t.body()).id() == 0);
        link.target.send(KdPacketType.DEBUG_IO, PRINT);
        link.target.send(KdPacketType.STATE_CHANGE64, REQUEST);
        link.run(Duration.ofMillis(1999));
        assertThat(link.targetSeen.gaveUp).isEmpty();
        link.run(Duration.ofMillis(2));

        assertThat(link.targetSeen.gaveUp).extracting(KdPacket::id).containsExactly(0);
        assertThat(link.sentBy(KdRole.TARGET)).filteredOn(LinkPair.Transit::isData)
                .extracting(t -> ((KdPacket) t.body()).id()).containsExactly(0, 0, 0, 0, 2);
        link.run(Duration.ofMillis(10));
        assertThat(link.hostSeen.packets).extracting(KdPacket::id).containsExactly(2);
        assertThat(link.target.stats().gaveUp()).isEqualTo(1);
        assertThat(link.target.stats().timeouts()).isEqualTo(4);
    }

    @Test
    void aTargetRetriesAStopForeverAtTheLargestTimeoutAndItArrivesOnceTheWireHeals() {
        KdLinkConfig config = KdLinkConfig.defaults(KdRole.TARGET).withMaxRetries(3);
        AtomicBoolean down = new AtomicBoolean(true);
        LinkPair link = new LinkPair(config, ONE_WAY)
                .losing(t -> down.get() && t.from() == KdRole.TARGET && t.isData());
        link.target.send(KdPacketType.STATE_CHANGE64, startingWith(StateChange64.EXCEPTION));
        link.run(config.maxRto().multipliedBy(100));

        List<Long> sends = link.sentBy(KdRole.TARGET).stream().filter(LinkPair.Transit::isData)
                .map(LinkPair.Transit::sentAt).toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sends.size(); i++) {
            gaps.add(sends.get(i) - sends.get(i - 1));
        }
        assertThat(link.targetSeen.gaveUp).isEmpty();
        assertThat(sends).as("far beyond the retry budget").hasSizeGreaterThan(10 * (config.maxRetries() + 1));
        assertThat(gaps).isSorted().allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(config.maxRto().toNanos()));
        assertThat(gaps.subList(gaps.size() - 10, gaps.size())).containsOnly(config.maxRto().toNanos());

        down.set(false);
        link.run(config.maxRto().plusMillis(10));
        assertThat(link.hostSeen.packets).extracting(KdPacket::id).containsExactly(0);
        assertThat(link.targetSeen.delivered).hasSize(1);
        assertThat(link.target.isIdle()).isTrue();
        assertThat(link.target.stats().gaveUp()).isZero();
    }

    @Test
    void aTargetGivesUpOnlyOnLoadSymbolsPrintStringAndCreateFileAfterItsRetries() {
        KdLinkConfig config = KdLinkConfig.defaults(KdRole.TARGET).withMaxRetries(2);
        LinkPair link = new LinkPair(config, ONE_WAY)
                .losing(t -> t.from() == KdRole.TARGET && t.isData() && idOf(t) < 6);
        link.target.send(KdPacketType.STATE_CHANGE64, startingWith(StateChange64.LOAD_SYMBOLS));
        link.target.send(KdPacketType.DEBUG_IO, PRINT);
        link.target.send(KdPacketType.FILE_IO, startingWith(FileIo.CREATE_FILE));
        link.target.send(KdPacketType.STATE_CHANGE64, startingWith(StateChange64.EXCEPTION));
        link.run(config.maxRto().multipliedBy(40));

        assertThat(link.targetSeen.gaveUp).extracting(KdPacket::type).containsExactly(KdPacketType.STATE_CHANGE64,
                KdPacketType.DEBUG_IO, KdPacketType.FILE_IO);
        assertThat(link.sentBy(KdRole.TARGET)).filteredOn(LinkPair.Transit::isData)
                .extracting(KdLinkLossTest::idOf).containsExactly(0, 0, 0, 2, 2, 2, 4, 4, 4, 6);
        assertThat(link.hostSeen.packets).extracting(KdPacket::id).containsExactly(6);
    }

    @Test
    void theHostGivesUpOnAnyPacketAfterItsRetries() {
        KdLinkConfig config = KdLinkConfig.defaults(KdRole.HOST).withMaxRetries(2);
        LinkPair link = new LinkPair(config, ONE_WAY).losing(t -> t.from() == KdRole.HOST && t.isData());
        link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        link.run(config.maxRto().multipliedBy(10));

        assertThat(link.hostSeen.gaveUp).extracting(KdPacket::id).containsExactly(0x80000000);
        assertThat(link.sentBy(KdRole.HOST)).filteredOn(LinkPair.Transit::isData).hasSize(config.maxRetries() + 1);
        assertThat(link.host.isIdle()).isTrue();
    }

    @Test
    void theTimeoutAdaptsToAFastLinkSoALossCostsLittle() {
        LinkPair link = new LinkPair(KdLinkConfig.defaults(KdRole.HOST), Duration.ofMillis(3));
        for (int i = 0; i < 20; i++) {
            link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        }
        link.run(Duration.ofMillis(300));
        assertThat(link.host.stats().rttSamples()).isEqualTo(20);
        long rto = link.host.stats().rtoMicros();
        assertThat(rto).isBetween(6_000L, 9_000L);

        link.losing(first(t -> t.from() == KdRole.HOST && t.isData()));
        link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        link.run(Duration.ofMillis(rto / 1000 + 7));
        assertThat(link.targetSeen.packets).hasSize(21);
    }

    @Test
    void onALoopbackFastLinkTheTimeoutStopsAtItsOneMillisecondFloor() {
        LinkPair link = new LinkPair(KdLinkConfig.defaults(KdRole.HOST), Duration.ofNanos(30_000));
        for (int i = 0; i < 20; i++) {
            link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        }
        link.run(Duration.ofMillis(10));
        assertThat(link.host.stats().srttMicros()).isEqualTo(60L);
        assertThat(link.host.stats().rtoMicros()).isEqualTo(1_000L);
    }

    @Test
    void theTimeoutGrowsOnASlowLinkSoNothingIsResentNeedlessly() {
        LinkPair link = new LinkPair(KdLinkConfig.defaults(KdRole.HOST), Duration.ofMillis(400));
        for (int i = 0; i < 10; i++) {
            link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        }
        link.run(Duration.ofSeconds(30));
        assertThat(link.targetSeen.packets).hasSize(10);
        assertThat(link.host.stats().rtoMicros()).isGreaterThan(800_000L);
        assertThat(link.host.stats().retransmits()).isLessThanOrEqualTo(1);
    }

    @Test
    void dataWhileWaitingForAnAckMeansThePeerHadOurPacket() {
        LinkPair link = pair().losing(first(t -> t.from() == KdRole.TARGET && t.is(KdPacketType.ACKNOWLEDGE)));
        link.host.send(KdPacketType.STATE_MANIPULATE, REQUEST);
        link.run(Duration.ofMillis(3));
        link.target.send(KdPacketType.STATE_CHANGE64, REQUEST);
        link.run(Duration.ofMillis(50));

        assertThat(link.hostSeen.delivered).hasSize(1);
        assertThat(link.hostSeen.packets).extracting(KdPacket::id).containsExactly(0);
        assertThat(link.host.stats().resendsSent()).isEqualTo(1);
        assertThat(link.host.stats().retransmits()).isZero();
        assertThat(link.targetSeen.packets).hasSize(1);
    }

    @Test
    void aTargetAcceptsSerialStyleHostIdsAndAcksThemWithoutTheSyncBit() {
        java.util.List<dev.kdnet.protocol.kd.KdBody> out = new java.util.ArrayList<>();
        LinkPair.Seen seen = new LinkPair.Seen();
        KdLink target = new KdLink(KdRole.TARGET, KdLinkConfig.defaults(KdRole.TARGET),
                new dev.kdnet.protocol.testing.ManualScheduler(), out::add, seen);
        for (int id : new int[] {0x80800800, 0x80800001, 0x80800001, 0x80800000, 0x80800001}) {
            target.receive(KdPacket.data(KdPacketType.STATE_MANIPULATE, id, REQUEST));
        }
        assertThat(seen.packets).extracting(KdPacket::id)
                .containsExactly(0x80800800, 0x80800001, 0x80800000, 0x80800001);
        assertThat(out).extracting(b -> ((KdPacket) b).id())
                .containsExactly(0x80800000, 0x80800001, 0x80800001, 0x80800000, 0x80800001);
    }
}
