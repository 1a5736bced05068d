package dev.kdnet.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.EmptyControl;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Host and target {@link SessionPeer}s handshake, exchange data and drop what does not belong, all in memory. */
class SessionPeerTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final int VERSION = 4;
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress TARGET = new InetSocketAddress("127.0.0.2", 50000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.9", 50000);
    private static final KdPacket ACK = KdPacket.control(KdPacketType.ACKNOWLEDGE, 0x80000000);
    private static final KdPacket RESEND = KdPacket.control(KdPacketType.RESEND, 0);

    private final SessionPeer host = new SessionPeer(KdRole.HOST, KEY);
    private final SessionPeer target = new SessionPeer(KdRole.TARGET, KEY);
    private final SplittableRandom random = new SplittableRandom(1);

    /** Target pokes, host answers and keys, target takes the response and keys: both have the same data key. */
    private byte[] handshake() {
        Poke poke = Poke.of(new byte[Poke.NONCE_LENGTH], Endpoint.of(TARGET), Endpoint.of(HOST), Endpoint.UNBOUND);
        Inbound atHost = host.receive(TARGET, target.sealControl(VERSION, 3, poke.encode()));
        assertThat(atHost).isInstanceOf(Inbound.Control.class);
        assertThat(((Inbound.Control) atHost).message()).isEqualTo(poke);
        byte[] response = ControlResponse.answering(poke, random).encode();
        ByteBuffer sealed = host.sealControl(VERSION, 3, response);
        host.keyChannel(TARGET, VERSION, response);
        Inbound atTarget = target.receive(HOST, sealed);
        assertThat(((Inbound.Control) atTarget).message()).isInstanceOf(ControlResponse.class);
        target.keyChannel(HOST, VERSION, ((Inbound.Control) atTarget).datagram().body());
        return response;
    }

    @Test
    void afterAHandshakeDataFlowsBothWaysNumberedFromOne() {
        handshake();

        Inbound first = host.receive(TARGET, target.sealData(RESEND));
        Inbound second = host.receive(TARGET, target.sealData(ACK));
        Inbound back = target.receive(HOST, host.sealData(ACK));

        assertThat(first).isEqualTo(new Inbound.Data(((Inbound.Data) first).datagram(), RESEND));
        assertThat(((Inbound.Data) first).datagram().sequence()).isEqualTo(1);
        assertThat(((Inbound.Data) second).datagram().sequence()).isEqualTo(2);
        assertThat(((Inbound.Data) back).body()).isEqualTo(ACK);
        assertThat(host.channel().orElseThrow().dataKeyFingerprint())
                .isEqualTo(target.channel().orElseThrow().dataKeyFingerprint());
    }

    @Test
    void aReplayedOrOlderDataDatagramIsStale() {
        handshake();
        ByteBuffer one = target.sealData(RESEND);
        ByteBuffer two = target.sealData(RESEND);

        assertThat(host.receive(TARGET, two)).isInstanceOf(Inbound.Data.class);
        assertThat(host.receive(TARGET, two.rewind())).isEqualTo(dropped(DropReason.STALE_SEQUENCE));
        assertThat(host.receive(TARGET, one)).isEqualTo(dropped(DropReason.STALE_SEQUENCE));
        assertThat(host.receive(TARGET, target.sealDataAt(7, RESEND.encode()))).isInstanceOf(Inbound.Data.class);
        assertThat(host.receive(TARGET, target.sealData(RESEND))).as("the channel's own numbering is unchanged")
                .isEqualTo(dropped(DropReason.STALE_SEQUENCE));
    }

    @Test
    void authenticDataFromAnotherAddressIsWrongSourceAndDoesNotAdvanceTheSequence() {
        handshake();
        ByteBuffer wire = target.sealData(RESEND);

        assertThat(host.receive(STRANGER, wire)).isEqualTo(dropped(DropReason.WRONG_SOURCE));
        assertThat(host.receive(TARGET, wire.rewind())).isInstanceOf(Inbound.Data.class);
    }

    @Test
    void ownDatagramsReflectedBackAreWrongDirection() {
        handshake();

        assertThat(host.receive(TARGET, host.sealData(ACK))).isEqualTo(dropped(DropReason.WRONG_DIRECTION));
        assertThat(host.receive(TARGET, host.sealControl(VERSION, 1, EmptyControl.INSTANCE.encode())))
                .isEqualTo(dropped(DropReason.WRONG_DIRECTION));
    }

    @Test
    void dataBeforeAnyHandshakeHasNoKeyAndSealingItIsRefused() {
        SessionPeer keyedTarget = new SessionPeer(KdRole.TARGET, KEY);
        keyedTarget.keyChannel(HOST, VERSION, new byte[ControlResponse.LENGTH]);

        assertThat(host.receive(TARGET, keyedTarget.sealData(RESEND))).isEqualTo(dropped(DropReason.NO_DATA_KEY));
        assertThatThrownBy(() -> host.sealData(ACK)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no data channel");
    }

    @Test
    void malformedBodiesAreDroppedWithTheirDefect() {
        handshake();

        Inbound control = host.receive(TARGET, target.sealControl(VERSION, 6, new byte[] {1, 9}));
        Inbound data = host.receive(TARGET, target.sealData(new byte[] {1, 2, 3}));

        assertThat(control).isInstanceOfSatisfying(Inbound.Dropped.class,
                d -> assertThat(d.reason()).isEqualTo(DropReason.MALFORMED_BODY));
        assertThat(data).isInstanceOfSatisfying(Inbound.Dropped.class, d -> {
            assertThat(d.reason()).isEqualTo(DropReason.MALFORMED_BODY);
            assertThat(d.detail()).isNotEqualTo(DropReason.MALFORMED_BODY.description());
        });
    }

    @Test
    void garbageIsDroppedByTheCryptoLayersReason() {
        assertThat(host.receive(TARGET, ByteBuffer.wrap("not KDNET".getBytes())))
                .isEqualTo(dropped(DropReason.BAD_MAGIC));
        ByteBuffer flipped = target.sealControl(VERSION, 3, EmptyControl.INSTANCE.encode());
        flipped.put(10, (byte) (flipped.get(10) ^ 1));
        assertThat(host.receive(TARGET, flipped)).isEqualTo(dropped(DropReason.HMAC_MISMATCH));
    }

    @Test
    void aNewHandshakeReKeysAndStartsBothSequencesOver() {
        handshake();
        for (int i = 0; i < 3; i++) {
            host.receive(TARGET, target.sealData(RESEND));
        }
        ByteBuffer underOldKey = target.sealData(RESEND);

        handshake();

        assertThat(host.receive(TARGET, underOldKey)).isEqualTo(dropped(DropReason.HMAC_MISMATCH));
        Inbound fresh = host.receive(TARGET, target.sealData(RESEND));
        assertThat(((Inbound.Data) fresh).datagram().sequence()).isEqualTo(1);
    }

    @Test
    void aForgottenChannelTakesNoMoreData() {
        handshake();
        target.forget();

        assertThat(target.channel()).isEmpty();
        assertThat(target.receive(HOST, host.sealData(ACK))).isEqualTo(dropped(DropReason.NO_DATA_KEY));
    }

    @Test
    void anObserverReadsBothDirectionsWhateverTheSourceAndSequence() {
        byte[] response = handshake();
        SessionPeer capture = SessionPeer.observer(KEY);
        capture.keyChannel(TARGET, VERSION, response);
        ByteBuffer fromTarget = target.sealData(RESEND);

        assertThat(capture.receive(STRANGER, fromTarget)).isInstanceOf(Inbound.Data.class);
        assertThat(capture.receive(STRANGER, fromTarget.rewind())).as("a capture may show a datagram twice")
                .isInstanceOf(Inbound.Data.class);
        assertThat(capture.receive(HOST, host.sealData(ACK))).isInstanceOf(Inbound.Data.class);
        assertThatThrownBy(() -> capture.sealData(ACK)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toStringNamesNoKey() {
        handshake();

        assertThat(host.toString()).doesNotContain("1.2.3.4").contains(KEY.fingerprint());
    }

    private static Inbound dropped(DropReason reason) {
        return new Inbound.Dropped(reason, reason.description());
    }
}
