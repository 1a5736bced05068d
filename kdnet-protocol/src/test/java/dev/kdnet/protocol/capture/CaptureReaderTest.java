package dev.kdnet.protocol.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdnet.protocol.testing.SharedFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** pcap and pcapng reading, gzip detection, link layers, and the real WinDbg capture. */
class CaptureReaderTest {

    /** An IPv4/UDP packet 10.0.0.1:50000 -> 10.0.0.2:50001, TTL 16, DF, with the given payload. */
    static byte[] ipv4Udp(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(28 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putShort((short) 0x1234)
                .putShort((short) 0x4000).put((byte) 16).put((byte) 17).putShort((short) 0)
                .put(new byte[] {10, 0, 0, 1}).put(new byte[] {10, 0, 0, 2})
                .putShort((short) 50000).putShort((short) 50001).putShort((short) (8 + payload.length))
                .putShort((short) 0xBEEF).put(payload);
        return b.array();
    }

    static byte[] pcap(ByteOrder order, boolean nanos, int linkType, byte[]... frames) {
        ByteBuffer b = ByteBuffer.allocate(24 + Arrays.stream(frames).mapToInt(f -> 16 + f.length).sum()).order(order);
        b.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(linkType);
        for (int i = 0; i < frames.length; i++) {
            b.putInt(1_700_000_000 + i).putInt(250).putInt(frames[i].length).putInt(frames[i].length).put(frames[i]);
        }
        return b.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void readsPcapInBothByteOrdersAndStampResolutions() throws IOException {
        byte[] frame = ipv4Udp(new byte[] {1, 2, 3});
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            for (boolean nanos : new boolean[] {false, true}) {
                List<CapturedFrame> frames = CaptureReader.read(new ByteArrayInputStream(
                        pcap(order, nanos, UdpExtractor.LINKTYPE_RAW, frame, frame)));
                assertThat(frames).hasSize(2);
                assertThat(frames.get(1).number()).isEqualTo(2);
                assertThat(frames.get(1).timestampNanos())
                        .isEqualTo(1_700_000_001L * 1_000_000_000L + (nanos ? 250 : 250_000));
                assertThat(frames.get(0).data()).isEqualTo(frame);
            }
        }
    }

    @Test
    void gzipIsDetectedByItsMagic() throws IOException {
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, false, UdpExtractor.LINKTYPE_RAW, ipv4Udp(new byte[5]));
        assertThat(CaptureReader.read(new ByteArrayInputStream(gzip(file)))).hasSize(1);
    }

    @Test
    void damagedFilesGiveOneClearError() {
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, false, UdpExtractor.LINKTYPE_RAW, ipv4Udp(new byte[5]));
        assertThatThrownBy(() -> CaptureReader.read(new ByteArrayInputStream(Arrays.copyOf(file, file.length - 3))))
                .isInstanceOf(CaptureFormatException.class).hasMessage("truncated pcap record 1");
        assertThatThrownBy(() -> CaptureReader.read(new ByteArrayInputStream("hello world".getBytes())))
                .isInstanceOf(CaptureFormatException.class).hasMessageStartingWith("not a pcap or pcapng file");
        assertThatThrownBy(() -> CaptureReader.read(new ByteArrayInputStream(new byte[2])))
                .isInstanceOf(CaptureFormatException.class);
    }

    @Test
    void aFileCutInsideARecordGivesEveryFrameBeforeTheCut() throws IOException {
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, false, UdpExtractor.LINKTYPE_RAW,
                ipv4Udp(new byte[] {1}), ipv4Udp(new byte[] {2}), ipv4Udp(new byte[] {3}));
        byte[] cutInThirdRecord = Arrays.copyOf(file, file.length - 10);

        Capture capture = CaptureReader.readUntilDamage(new ByteArrayInputStream(cutInThirdRecord));

        assertThat(capture.frames()).extracting(CapturedFrame::number).containsExactly(1L, 2L);
        assertThat(capture.frames().get(1).data()).isEqualTo(ipv4Udp(new byte[] {2}));
        assertThat(capture.damage()).contains(new CaptureDamage(2, true, "truncated pcap record 3"));
        assertThat(capture.damage().orElseThrow().line()).isEqualTo("capture cut after frame 2 (truncated pcap"
                + " record 3): the frames before it are decoded, the rest of the file is missing");
    }

    @Test
    void aCutGzipStreamGivesTheFramesItStillHoldsAndIsCutEvenBetweenRecords() throws IOException {
        byte[][] frames = new byte[200][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = ipv4Udp(("frame " + i + " with some text that compresses badly " + i * 7919).getBytes());
        }
        byte[] gz = gzip(pcap(ByteOrder.BIG_ENDIAN, false, UdpExtractor.LINKTYPE_RAW, frames));
        byte[] withoutTrailer = Arrays.copyOf(gz, gz.length - 8);

        Capture half = CaptureReader.readUntilDamage(new ByteArrayInputStream(Arrays.copyOf(gz, gz.length / 2)));
        Capture whole = CaptureReader.readUntilDamage(new ByteArrayInputStream(withoutTrailer));

        assertThat(half.frames()).hasSizeBetween(1, frames.length - 1);
        for (CapturedFrame frame : half.frames()) {
            assertThat(frame.data()).isEqualTo(frames[(int) frame.number() - 1]);
        }
        assertThat(half.damage()).hasValueSatisfying(damage -> {
            assertThat(damage.cut()).isTrue();
            assertThat(damage.framesBefore()).isEqualTo(half.frames().size());
        });
        assertThat(whole.frames()).hasSize(frames.length);
        assertThat(whole.damage()).hasValueSatisfying(damage -> assertThat(damage.cut()).isTrue());
    }

    @Test
    void aRecordThatCannotBeOneIsDamageAfterTheFramesBeforeIt() throws IOException {
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, false, UdpExtractor.LINKTYPE_RAW,
                ipv4Udp(new byte[] {1}), ipv4Udp(new byte[] {2}));
        int secondRecordLength = 24 + 16 + 29 + 8;
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(secondRecordLength, -5);

        Capture capture = CaptureReader.readUntilDamage(new ByteArrayInputStream(file));

        assertThat(capture.frames()).hasSize(1);
        assertThat(capture.damage()).contains(new CaptureDamage(1, false, "pcap record 2 claims -5 bytes"));
        assertThat(capture.damage().orElseThrow().line()).startsWith("capture damaged after frame 1 (")
                .endsWith("the rest of the file is not read");
    }

    @Test
    void aWholeFileHasNoDamage() throws IOException {
        byte[] file = pcap(ByteOrder.LITTLE_ENDIAN, true, UdpExtractor.LINKTYPE_RAW, ipv4Udp(new byte[3]));

        Capture capture = CaptureReader.readUntilDamage(new ByteArrayInputStream(gzip(file)));

        assertThat(capture.frames()).hasSize(1);
        assertThat(capture.damage()).isEmpty();
    }

    @Test
    void extractsUdpFromEveryLinkLayer() {
        byte[] ip = ipv4Udp(new byte[] {9, 8, 7});
        byte[] ethernetVlan = concat(new byte[12], new byte[] {(byte) 0x81, 0, 0, 5, 8, 0}, ip);
        byte[] loopback = concat(new byte[] {2, 0, 0, 0}, ip);
        byte[] sll = concat(new byte[14], new byte[] {8, 0}, ip);
        byte[] sll2 = concat(new byte[] {8, 0}, new byte[18], ip);
        int[][] cases = {{UdpExtractor.LINKTYPE_ETHERNET, 0}, {UdpExtractor.LINKTYPE_NULL, 1},
            {UdpExtractor.LINKTYPE_LINUX_SLL, 2}, {UdpExtractor.LINKTYPE_LINUX_SLL2, 3}, {UdpExtractor.LINKTYPE_RAW, 4}};
        byte[][] frames = {ethernetVlan, loopback, sll, sll2, ip};
        for (int[] c : cases) {
            CapturedUdp udp = UdpExtractor.extract(new CapturedFrame(1, 0, c[0], frames[c[1]])).orElseThrow();
            assertThat(udp.payload()).containsExactly(9, 8, 7);
            assertThat(udp.source().toString()).isEqualTo("/10.0.0.1:50000");
            assertThat(udp.destination().getPort()).isEqualTo(50001);
            assertThat(udp.ttl()).isEqualTo(16);
            assertThat(udp.dontFragment()).isTrue();
            assertThat(udp.ipId()).isEqualTo(0x1234);
            assertThat(udp.udpChecksum()).isEqualTo(0xBEEF);
        }
    }

    @Test
    void nonUdpFragmentedAndTruncatedFramesAreSkipped() {
        byte[] ip = ipv4Udp(new byte[10]);
        byte[] tcp = ip.clone();
        tcp[9] = 6;
        byte[] fragment = ip.clone();
        fragment[6] = 0x20;
        for (byte[] frame : List.of(tcp, fragment, Arrays.copyOf(ip, 30), new byte[0], new byte[3])) {
            assertThat(UdpExtractor.extract(new CapturedFrame(1, 0, UdpExtractor.LINKTYPE_RAW, frame))).isEmpty();
        }
        assertThat(UdpExtractor.extract(new CapturedFrame(1, 0, 9999, ip))).isEmpty();
    }

    @Test
    void readsTheRealWindbgCapture() throws IOException {
        List<CapturedFrame> frames = CaptureReader.read(SharedFiles.windbgCapture());
        List<CapturedUdp> udp = frames.stream().flatMap(f -> UdpExtractor.extract(f).stream()).toList();
        assertThat(udp).hasSize(955);
        CapturedUdp first = udp.get(0);
        assertThat(first.frame().number()).isEqualTo(1);
        assertThat(first.source().toString()).isEqualTo("/192.168.2.72:51111");
        assertThat(first.destination().toString()).isEqualTo("/192.168.2.1:51111");
        assertThat(first.ttl()).isEqualTo(16);
        assertThat(first.dontFragment()).isTrue();
        assertThat(first.udpChecksum()).isZero();
        assertThat(first.payload()).hasSize(374).startsWith('M', 'D', 'B', 'G', 4, 1);
        long secondsBetweenFirstTwo = udp.get(1).frame().timestampNanos() - first.frame().timestampNanos();
        assertThat(secondsBetweenFirstTwo).isEqualTo(2_435_000L);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
