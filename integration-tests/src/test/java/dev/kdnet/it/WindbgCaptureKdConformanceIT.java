package dev.kdnet.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.dbgkd.DebugIo;
import dev.kdnet.protocol.dbgkd.FileIo;
import dev.kdnet.protocol.dbgkd.GetVersion64;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.kd.KdBody;
import dev.kdnet.protocol.kd.KdPacket;
import dev.kdnet.protocol.kd.KdPacketType;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.testing.SharedFiles;
import dev.kdnet.protocol.testing.WindbgCapture;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KD layer of the real WinDbg session: every data datagram's body decodes, every KD checksum holds, and the
 * packet type, id and manipulate API of each frame agree with the independent decoder's transcript
 * ({@code ../shared/captures/windbg-uncut.decoded.txt}).
 */
class WindbgCaptureKdConformanceIT {
    private static final Pattern TRANSCRIPT_KD =
            Pattern.compile("^#(\\d+) .* KD (DATA|CTRL) (\\w+) id=0x([0-9a-f]{8}) len=(\\d+)(.*)$");
    private static final Pattern TRANSCRIPT_API = Pattern.compile("\\(ok\\) (\\w+) ");

    private static final Map<Long, KdBody> BODIES = new LinkedHashMap<>();

    @BeforeAll
    static void decodeAndReEncodeEveryDataBody() throws Exception {
        WindbgCapture capture = WindbgCapture.open("8.8.8.8");
        for (WindbgCapture.Entry e : capture.entries) {
            if (e.datagram().channel() == Channel.DATA) {
                Decoded<KdBody> body = KdBody.decode(e.datagram().body());
                assertThat(body.isOk()).as("frame %d: %s", e.udp().frame().number(), body).isTrue();
                assertThat(body.orElseThrow().encode()).as("frame %d re-encodes", e.udp().frame().number())
                        .isEqualTo(WireBytes.toArray(e.datagram().body()));
                BODIES.put(e.udp().frame().number(), body.orElseThrow());
            }
        }
    }

    private static List<KdPacket> packets() {
        return BODIES.values().stream().filter(KdPacket.class::isInstance).map(KdPacket.class::cast).toList();
    }

    @Test
    void all263DataPacketChecksumsHoldAndControlPacketsAreBare() {
        List<KdPacket> data = packets().stream().filter(p -> !p.isControl()).toList();
        assertThat(data).hasSize(263).allMatch(KdPacket::checksumValid);
        assertThat(packets().stream().filter(KdPacket::isControl))
                .hasSize(263).allMatch(p -> p.byteCount() == 0 && p.checksum() == 0 && p.type().isControl());
        assertThat(BODIES.values()).filteredOn(UnusedHello.class::isInstance).hasSize(1);
    }

    @Test
    void everyFrameMatchesTheTranscriptInTypeIdLengthAndApi() throws Exception {
        int compared = 0;
        for (String line : Files.readAllLines(SharedFiles.require("captures/windbg-uncut.decoded.txt"))) {
            Matcher m = TRANSCRIPT_KD.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long frame = Long.parseLong(m.group(1));
            KdPacket packet = (KdPacket) BODIES.get(frame);
            assertThat(packet).as("frame %d", frame).isNotNull();
            assertThat(packet.isControl()).as("frame %d", frame).isEqualTo(m.group(2).equals("CTRL"));
            assertThat(packet.type().name()).as("frame %d", frame).isEqualTo(m.group(3));
            assertThat(packet.id()).as("frame %d", frame).isEqualTo(Integer.parseUnsignedInt(m.group(4), 16));
            assertThat(packet.byteCount()).as("frame %d", frame).isEqualTo(Integer.parseInt(m.group(5)));
            if (packet.type().equals(KdPacketType.STATE_MANIPULATE)) {
                Matcher api = TRANSCRIPT_API.matcher(m.group(6));
                assertThat(api.find()).as("frame %d names its API", frame).isTrue();
                ManipulateApi decoded = ManipulateState64.decode(packet.payload()).orElseThrow().api();
                assertThat(decoded.isKnown()).as("frame %d", frame).isTrue();
                assertThat(decoded.name()).as("frame %d", frame).isEqualTo(api.group(1));
            }
            compared++;
        }
        assertThat(compared).isEqualTo(526);
    }

    @Test
    void everyDataPayloadDecodesWithTheLayoutOfItsTypeAndReEncodesExactly() {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (KdPacket p : packets().stream().filter(p -> !p.isControl()).toList()) {
            byte[] payload = WireBytes.toArray(p.payload());
            byte[] reencoded;
            if (p.type().equals(KdPacketType.STATE_MANIPULATE)) {
                reencoded = ManipulateState64.decode(ByteBuffer.wrap(payload)).orElseThrow().encode();
            } else if (p.type().equals(KdPacketType.STATE_CHANGE64)) {
                reencoded = StateChange64.decode(ByteBuffer.wrap(payload)).orElseThrow().encode();
            } else if (p.type().equals(KdPacketType.DEBUG_IO)) {
                reencoded = DebugIo.decode(ByteBuffer.wrap(payload)).orElseThrow().encode();
            } else {
                assertThat(p.type()).isEqualTo(KdPacketType.FILE_IO);
                reencoded = FileIo.decode(ByteBuffer.wrap(payload)).orElseThrow().encode();
            }
            assertThat(reencoded).isEqualTo(payload);
            kinds.merge(p.type().name(), 1, Integer::sum);
        }
        assertThat(kinds).containsOnly(Map.entry("DEBUG_IO", 7), Map.entry("STATE_CHANGE64", 3),
                Map.entry("STATE_MANIPULATE", 187), Map.entry("FILE_IO", 66));
    }

    @Test
    void theGetVersionReplyNamesWindows10Build10586OnAmd64() {
        ManipulateState64 reply = packets().stream()
                .filter(p -> p.type().equals(KdPacketType.STATE_MANIPULATE) && p.id() >= 0)
                .map(p -> ManipulateState64.decode(p.payload()).orElseThrow())
                .filter(m -> m.api().equals(ManipulateApi.GET_VERSION))
                .findFirst().orElseThrow();
        GetVersion64 version = GetVersion64.from(reply.union());
        assertThat(reply.returnStatus()).isZero();
        assertThat(version.majorVersion() & 0xFF).isEqualTo(15);
        assertThat(version.minorVersion()).isEqualTo(10586);
        assertThat(version.machineType()).isEqualTo(0x8664);
        assertThat(version.protocolVersion()).isEqualTo(6);
        assertThat(version.majorVersion() >> 8).as("DBGKD_MAJOR_NTBD, the boot debugger").isEqualTo(4);
        assertThat(version.hasFlag(GetVersion64.FLAG_DATA)).isTrue();
    }
}
