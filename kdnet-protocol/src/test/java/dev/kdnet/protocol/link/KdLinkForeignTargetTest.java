package dev.kdnet.protocol.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.testing.ManualScheduler;
import java.time.Duration;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A host link against a target that is not our simulator (issue 10, point 9): it answers a request before it ACKs
 * it, and it reuses the id of its state change for the reply after it. kd-protocol §2.4 (data while waiting for an
 * ACK) and §2.2/§2.5 (duplicates by id) meet such a target as follows: a manipulate reply to the outstanding request
 * is its ACK and is taken; under the id accepted last only a byte-identical packet is a duplicate.
 */
class KdLinkForeignTargetTest {
    /** A running Windows 8.1 kernel's first id, as in CAP-81. */
    private static final int STOP_ID = 0x926;
    private static final byte[] STOP = {6, 0x30, 0, 0, 1, 2, 3};

    private final ManualScheduler clock = new ManualScheduler();
    private final List<KdBody> out = new ArrayList<>();
    private final LinkPair.Seen seen = new LinkPair.Seen();
    private final KdLink host = new KdLink(KdRole.HOST, KdLinkConfig.defaults(KdRole.HOST), clock, out::add, seen);

    /** A manipulate payload of {@code api} whose remaining bytes are {@code fill}. */
    private static byte[] manipulate(ManipulateApi api, int fill) {
        byte[] payload = new byte[16];
        ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).putInt(0, api.number());
        payload[8] = (byte) fill;
        return payload;
    }

    private static KdPacket data(KdPacketType type, int id, byte[] payload) {
        return KdPacket.data(type, id, payload);
    }

    private static KdPacket ack(int id) {
        return KdPacket.control(KdPacketType.ACKNOWLEDGE, id);
    }

    /** The host took the target's stop and sent GetVersion, which waits for its ACK. */
    private KdPacket stoppedAndAsked() {
        host.receive(data(KdPacketType.STATE_CHANGE64, STOP_ID, STOP));
        host.send(KdPacketType.STATE_MANIPULATE, manipulate(ManipulateApi.GET_VERSION, 0));
        KdPacket request = (KdPacket) out.get(out.size() - 1);
        out.clear();
        return request;
    }

    @Test
    void aReplyBeforeTheAckOfItsRequestIsTheAckAndIsAccepted() {
        KdPacket request = stoppedAndAsked();
        host.send(KdPacketType.STATE_MANIPULATE, manipulate(ManipulateApi.READ_VIRTUAL_MEMORY, 0));
        KdPacket reply = data(KdPacketType.STATE_MANIPULATE, STOP_ID + 2, manipulate(ManipulateApi.GET_VERSION, 7));

        host.receive(reply);

        assertThat(seen.delivered).containsExactly(request);
        assertThat(seen.packets).extracting(KdPacket::id).containsExactly(STOP_ID, STOP_ID + 2);
        assertThat(out).as("the reply is ACKed, then the next request goes; no RESEND")
                .containsExactly(ack(STOP_ID + 2),
                        data(KdPacketType.STATE_MANIPULATE, 0x80000002,
                                manipulate(ManipulateApi.READ_VIRTUAL_MEMORY, 0)));
        assertThat(host.stats().resendsSent()).isZero();
    }

    @Test
    void aReplyUnderTheIdOfTheStopBeforeItIsANewPacketAndNoReason() {
        stoppedAndAsked();
        KdPacket reply = data(KdPacketType.STATE_MANIPULATE, STOP_ID, manipulate(ManipulateApi.GET_VERSION, 7));

        host.receive(reply);

        assertThat(seen.packets).extracting(KdPacket::type)
                .containsExactly(KdPacketType.STATE_CHANGE64, KdPacketType.STATE_MANIPULATE);
        assertThat(seen.delivered).hasSize(1);
        assertThat(out).as("ACKed, no RESEND and no RESET").containsExactly(ack(STOP_ID));
        assertThat(host.stats().unexpectedIds()).isZero();
        assertThat(host.stats().duplicates()).isZero();
    }

    @Test
    void underAReusedIdARetransmissionOfEitherPacketIsStillADuplicate() {
        stoppedAndAsked();
        KdPacket reply = data(KdPacketType.STATE_MANIPULATE, STOP_ID, manipulate(ManipulateApi.GET_VERSION, 7));
        host.receive(reply);
        out.clear();

        host.receive(reply);
        host.receive(data(KdPacketType.STATE_CHANGE64, STOP_ID, STOP));
        host.receive(data(KdPacketType.STATE_CHANGE64, STOP_ID - 2, STOP));

        assertThat(seen.packets).hasSize(2);
        assertThat(out).as("each copy is ACKed again")
                .containsExactly(ack(STOP_ID), ack(STOP_ID), ack(STOP_ID - 2));
        assertThat(host.stats().duplicates()).isEqualTo(3);
    }

    @Test
    void aDifferentPacketUnderTheIdAcceptedLastIsNewOnTheTargetToo() {
        KdLink target = new KdLink(KdRole.TARGET, KdLinkConfig.defaults(KdRole.TARGET), clock, out::add, seen);
        byte[] first = manipulate(ManipulateApi.READ_VIRTUAL_MEMORY, 1);
        byte[] second = manipulate(ManipulateApi.READ_VIRTUAL_MEMORY, 2);

        target.receive(data(KdPacketType.STATE_MANIPULATE, 0x80000000, first));
        target.receive(data(KdPacketType.STATE_MANIPULATE, 0x80000000, first));
        target.receive(data(KdPacketType.STATE_MANIPULATE, 0x80000000, second));

        assertThat(seen.packets).extracting(KdPacket::payload).containsExactly(ByteBuffer.wrap(first), ByteBuffer.wrap(second));
        assertThat(target.stats().duplicates()).isEqualTo(1);
    }

    @Test
    void aReplyToAnotherRequestWhileWaitingIsAnsweredWithResendAsBefore() {
        KdPacket request = stoppedAndAsked();

        host.receive(data(KdPacketType.STATE_MANIPULATE, STOP_ID + 2, manipulate(ManipulateApi.GET_CONTEXT, 7)));

        assertThat(out).containsExactly(KdPacket.control(KdPacketType.RESEND, 0));
        assertThat(seen.delivered).containsExactly(request);
        assertThat(seen.packets).hasSize(1);
    }

    @Test
    void withTheReplyTakenTheRequestIsNeverSentAgain() {
        stoppedAndAsked();
        host.receive(data(KdPacketType.STATE_MANIPULATE, STOP_ID + 2, manipulate(ManipulateApi.GET_VERSION, 7)));
        out.clear();

        clock.advance(Duration.ofSeconds(5));

        assertThat(out).isEmpty();
        assertThat(host.isIdle()).isTrue();
        assertThat(host.stats().retransmits()).isZero();
    }
}
