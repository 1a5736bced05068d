package dev.kdnet.sim.stub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.testing.WindbgCapture;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every manipulate request WinDbg sent in the real capture, answered by the simulated kernel: each gets a
 * well-formed reply that echoes the request header (kd-protocol §3.1), or, for the APIs that have none, the
 * action a kernel takes.
 */
class CaptureReplayTest {
    private static final Set<ManipulateApi> WITHOUT_REPLY = Set.of(ManipulateApi.CONTINUE, ManipulateApi.CONTINUE2);
    private static final Set<ManipulateApi> MEMORY_READS = Set.of(ManipulateApi.READ_VIRTUAL_MEMORY,
            ManipulateApi.READ_CONTROL_SPACE);

    @Test
    void everyHostRequestOfTheCaptureGetsAWellFormedReply() throws Exception {
        WindbgCapture capture = WindbgCapture.open("8.8.8.8");
        ManipulateHandler handler = new ManipulateHandler(new SimulatedKernel(KernelConfig.defaults()));
        Map<String, Integer> answered = new TreeMap<>();
        for (WindbgCapture.Entry e : capture.entries) {
            if (e.datagram().channel() != Channel.DATA || e.datagram().direction() != Direction.HOST_TO_TARGET
                    || !(KdBody.decode(e.datagram().body()).orElseThrow() instanceof KdPacket packet)
                    || !packet.type().equals(KdPacketType.STATE_MANIPULATE)) {
                continue;
            }
            ManipulateState64 request = ManipulateState64.decode(packet.payload()).orElseThrow();
            Answer answer = handler.answer(request);
            String frame = "frame " + e.udp().frame().number() + " " + request.api();
            if (WITHOUT_REPLY.contains(request.api())) {
                assertThat(answer).as(frame).isInstanceOf(Answer.Resume.class);
            } else {
                assertThat(answer).as(frame).isInstanceOf(Answer.Reply.class);
                checkReply(frame, request, ((Answer.Reply) answer).reply());
            }
            answered.merge(request.api().name(), 1, Integer::sum);
        }
        System.out.println("replayed capture requests: " + answered);
        assertThat(answered.values().stream().mapToInt(Integer::intValue).sum()).as("H->T manipulate datagrams in the transcript, the re-sent GetContext included").isEqualTo(95);
    }

    private static void checkReply(String frame, ManipulateState64 request, ManipulateState64 reply) {
        byte[] req = request.encode();
        byte[] rep = reply.encode();
        assertThat(Arrays.copyOfRange(rep, 0, 8)).as("%s: ApiNumber, ProcessorLevel, Processor", frame)
                .isEqualTo(Arrays.copyOfRange(req, 0, 8));
        assertThat(Arrays.copyOfRange(rep, 12, 16)).as("%s: padding", frame).isEqualTo(Arrays.copyOfRange(req, 12, 16));
        assertThat(reply.returnStatus()).as(frame).isIn(NtStatus.SUCCESS, NtStatus.UNSUCCESSFUL);
        KdPacket wrapped = KdPacket.data(KdPacketType.STATE_MANIPULATE, 0, rep);
        assertThat(KdBody.decode(ByteBuffer.wrap(wrapped.encode()))).as(frame).isInstanceOf(Decoded.Ok.class);
        assertThat(wrapped.byteCount()).as(frame).isLessThanOrEqualTo(KdPacket.PACKET_MAX_SIZE);
        if (MEMORY_READS.contains(request.api())) {
            assertThat(MemoryTransfer.from(reply.union()).actualBytes()).as(frame).isEqualTo(reply.dataLength());
            assertThat(MemoryTransfer.from(reply.union()).targetBaseAddress()).as(frame)
                    .isEqualTo(MemoryTransfer.from(request.union()).targetBaseAddress());
        }
    }
}
