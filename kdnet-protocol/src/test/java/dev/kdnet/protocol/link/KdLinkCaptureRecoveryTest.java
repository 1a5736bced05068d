package dev.kdnet.protocol.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.testing.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The KD-level recovery of the real capture, frames 196–206 (kd-protocol §2.4, kdnet-wire §4.4): a GetContext reply
 * (id 0x60) is never ACKed, WinDbg re-asks with a new id, the target answers RESEND and counts 0x60 as delivered,
 * replies as 0x62, WinDbg resets, the target answers RESET(0x62) and re-sends. Each side's link must emit what the
 * capture shows that side sending.
 */
class KdLinkCaptureRecoveryTest {
    private static final byte[] GET_CONTEXT = {0x32, 0x31, 0, 0};
    private static final byte[] CONTEXT_REPLY = {0x32, 0x31, 0, 0, 9, 9};

    private static KdPacket data(int id, byte[] payload) {
        return KdPacket.data(KdPacketType.STATE_MANIPULATE, id, payload);
    }

    private static KdPacket control(KdPacketType type, int id) {
        return KdPacket.control(type, id);
    }

    @Test
    void theTargetSideAnswersAsTheRealTargetDid() {
        List<KdBody> out = new ArrayList<>();
        LinkPair.Seen seen = new LinkPair.Seen();
        KdLink target = new KdLink(KdRole.TARGET, KdLinkConfig.defaults(KdRole.TARGET), new ManualScheduler(),
                out::add, seen);
        target.restart(0x60);
        target.receive(data(0x8000005c, GET_CONTEXT));
        target.send(KdPacketType.STATE_MANIPULATE, CONTEXT_REPLY);
        assertThat(out).containsExactly(control(KdPacketType.ACKNOWLEDGE, 0x8000005c), data(0x60, CONTEXT_REPLY));
        out.clear();

        target.receive(data(0x8000005e, GET_CONTEXT));
        assertThat(out).as("frame 198").containsExactly(control(KdPacketType.RESEND, 0));
        assertThat(seen.delivered).extracting(KdPacket::id).containsExactly(0x60);
        out.clear();

        target.receive(data(0x8000005e, GET_CONTEXT));
        assertThat(out).as("frame 200").containsExactly(control(KdPacketType.ACKNOWLEDGE, 0x8000005e));
        target.send(KdPacketType.STATE_MANIPULATE, CONTEXT_REPLY);
        assertThat(out).as("frame 201").endsWith(data(0x62, CONTEXT_REPLY));
        out.clear();

        target.receive(control(KdPacketType.RESET, 0x80000060));
        assertThat(out).as("frames 203, 204")
                .containsExactly(control(KdPacketType.RESET, 0x62), data(0x62, CONTEXT_REPLY));
        out.clear();

        target.receive(control(KdPacketType.ACKNOWLEDGE, 0x62));
        target.receive(data(0x80000060, GET_CONTEXT));
        assertThat(out).as("frame 207").containsExactly(control(KdPacketType.ACKNOWLEDGE, 0x80000060));
        assertThat(seen.packets).extracting(KdPacket::id).containsExactly(0x8000005c, 0x8000005e, 0x80000060);
        assertThat(seen.resets).isEqualTo(1);
        assertThat(target.isIdle()).isTrue();
    }

    @Test
    void theHostSideResetsOnAnUnexpectedIdAsWinDbgDid() {
        List<KdBody> out = new ArrayList<>();
        LinkPair.Seen seen = new LinkPair.Seen();
        KdLink host = new KdLink(KdRole.HOST, KdLinkConfig.defaults(KdRole.HOST), new ManualScheduler(), out::add,
                seen);
        host.restart(0x8000005e);
        host.receive(data(0x5e, CONTEXT_REPLY));
        host.send(KdPacketType.STATE_MANIPULATE, GET_CONTEXT);
        host.receive(control(KdPacketType.ACKNOWLEDGE, 0x8000005e));
        out.clear();

        host.receive(data(0x62, CONTEXT_REPLY));
        assertThat(out).as("frame 202: 0x60 was expected").containsExactly(control(KdPacketType.RESET, 0x80000060));
        assertThat(seen.packets).extracting(KdPacket::id).containsExactly(0x5e);
        out.clear();

        host.receive(control(KdPacketType.RESET, 0x62));
        assertThat(out).as("the answer to our own RESET is not answered").isEmpty();
        host.receive(data(0x62, CONTEXT_REPLY));
        assertThat(out).as("frame 205").containsExactly(control(KdPacketType.ACKNOWLEDGE, 0x62));
        out.clear();

        host.send(KdPacketType.STATE_MANIPULATE, GET_CONTEXT);
        assertThat(out).as("frame 206").containsExactly(data(0x80000060, GET_CONTEXT));
        assertThat(seen.packets).extracting(KdPacket::id).containsExactly(0x5e, 0x62);
        assertThat(host.stats().unexpectedIds()).isEqualTo(1);
    }

    @Test
    void theHostAnswersTheHelloWithResendAsWinDbgDid() {
        List<KdBody> out = new ArrayList<>();
        KdLink host = new KdLink(KdRole.HOST, KdLinkConfig.defaults(KdRole.HOST), new ManualScheduler(), out::add,
                new LinkPair.Seen());
        host.receive(new dev.kdnet.protocol.kd.UnusedHello(0xC0A80201));
        assertThat(out).as("frame 5").containsExactly(control(KdPacketType.RESEND, 0));
    }
}
