package dev.kdnet.protocol.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pcapng blocks built by hand, in both byte orders, with the options and block types a reader meets. */
class PcapngReaderTest {
    private final PcapngFile file = new PcapngFile(ByteOrder.BIG_ENDIAN);

    /** Writes pcapng blocks in one byte order. */
    private static final class PcapngFile {
        private final ByteOrder order;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        PcapngFile(ByteOrder order) {
            this.order = order;
        }

        private void block(int type, byte[] body) {
            int total = 12 + ((body.length + 3) & ~3);
            ByteBuffer b = ByteBuffer.allocate(total).order(order);
            b.putInt(type).putInt(total).put(body).position(total - 4);
            b.putInt(total);
            bytes.writeBytes(b.array());
        }

        private void sectionHeader() {
            ByteBuffer body = ByteBuffer.allocate(16).order(order);
            body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1);
            block(0x0A0D0D0A, body.array());
        }

        private void interfaceDescription(int linkType, Integer tsresol) {
            ByteBuffer body = ByteBuffer.allocate(tsresol == null ? 8 : 20).order(order);
            body.putShort((short) linkType).putShort((short) 0).putInt(65535);
            if (tsresol != null) {
                body.putShort((short) 9).putShort((short) 1).put((byte) (int) tsresol).put(new byte[3])
                        .putShort((short) 0).putShort((short) 0);
            }
            block(1, body.array());
        }

        private void enhancedPacket(int interfaceId, long ticks, byte[] data) {
            ByteBuffer body = ByteBuffer.allocate(20 + ((data.length + 3) & ~3)).order(order);
            body.putInt(interfaceId).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length)
                    .putInt(data.length).put(data);
            block(6, body.array());
        }

        private void simplePacket(byte[] data) {
            ByteBuffer body = ByteBuffer.allocate(4 + ((data.length + 3) & ~3)).order(order);
            body.putInt(data.length).put(data);
            block(3, body.array());
        }

        List<CapturedFrame> read() throws IOException {
            return CaptureReader.read(new ByteArrayInputStream(bytes.toByteArray()));
        }
    }

    @Test
    void readsEnhancedAndSimplePacketsWithTimeResolutionsInBothByteOrders() throws IOException {
        for (ByteOrder byteOrder : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            PcapngFile t = new PcapngFile(byteOrder);
            byte[] udp = CaptureReaderTest.ipv4Udp(new byte[] {1, 2, 3, 4, 5});
            t.sectionHeader();
            t.interfaceDescription(UdpExtractor.LINKTYPE_RAW, null);
            t.interfaceDescription(UdpExtractor.LINKTYPE_RAW, 9);
            t.block(4, new byte[8]);
            t.enhancedPacket(0, 1_700_000_000_123_456L, udp);
            t.enhancedPacket(1, 1_700_000_000_123_456_789L, udp);
            t.simplePacket(udp);
            List<CapturedFrame> frames = t.read();
            assertThat(frames).as("%s", byteOrder).hasSize(3);
            assertThat(frames.get(0).timestampNanos()).isEqualTo(1_700_000_000_123_456_000L);
            assertThat(frames.get(1).timestampNanos()).isEqualTo(1_700_000_000_123_456_789L);
            assertThat(frames).allSatisfy(f -> assertThat(f.data()).isEqualTo(udp));
            assertThat(frames.get(2).number()).isEqualTo(3);
            assertThat(UdpExtractor.extract(frames.get(2)).orElseThrow().payload()).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void aSecondSectionStartsItsOwnInterfaces() throws IOException {
        byte[] udp = CaptureReaderTest.ipv4Udp(new byte[] {7});
        file.sectionHeader();
        file.interfaceDescription(UdpExtractor.LINKTYPE_RAW, null);
        file.enhancedPacket(0, 0, udp);
        file.sectionHeader();
        file.interfaceDescription(UdpExtractor.LINKTYPE_ETHERNET, null);
        file.enhancedPacket(0, 0, udp);
        assertThat(file.read()).extracting(CapturedFrame::linkType)
                .containsExactly(UdpExtractor.LINKTYPE_RAW, UdpExtractor.LINKTYPE_ETHERNET);
    }

    @Test
    void aPacketNamingAnUndescribedInterfaceIsAnError() {
        file.sectionHeader();
        file.enhancedPacket(0, 0, new byte[4]);
        assertThatThrownBy(file::read).isInstanceOf(CaptureFormatException.class)
                .hasMessage("frame 1 names interface 0 which is not described");
    }

    @Test
    void truncatedBlocksAreReported() {
        file.sectionHeader();
        file.interfaceDescription(UdpExtractor.LINKTYPE_RAW, null);
        file.enhancedPacket(0, 0, new byte[40]);
        byte[] bytes = file.bytes.toByteArray();
        assertThatThrownBy(() -> CaptureReader.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 9))))
                .isInstanceOf(CaptureFormatException.class).hasMessage("truncated pcapng block");
    }
}
