package dev.kdnet.protocol.kd;

import static dev.kdnet.protocol.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.testing.Hex;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KD framing against the real bytes of kd-protocol Appendix A and kdnet-wire §9. */
class KdBodyDecodeTest {
    /** GetVersion request of C4 frame 10: header + 56-byte payload. */
    private static final String GET_VERSION_REQUEST = "303030300200380000000080c0100000"
            + "46310000ffffffff0301000025000000f0c63f25017f0000e8f5c7d200000000"
            + "68f6c7d22500000090933a25f77f00000000000000000000";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ACK H->T id 0,         69696969040000000000000000000000, ACKNOWLEDGE, 0x00000000",
        "RESEND H->T id 0,      69696969050000000000000000000000, RESEND,      0x00000000",
        "RESET H->T id 80000060, 69696969060000006000008000000000, RESET,      0x80000060",
        "RESET T->H id 62,      69696969060000006200000000000000, RESET,       0x00000062",
    })
    void controlPacketsOfTheCapture(String what, String hex, String type, String id) {
        KdPacket packet = (KdPacket) KdBody.decode(ByteBuffer.wrap(bytes(hex))).orElseThrow();
        assertThat(packet.isControl()).isTrue();
        assertThat(packet.type().name()).isEqualTo(type);
        assertThat(packet.type().isControl()).isTrue();
        assertThat(packet.id()).isEqualTo(Integer.parseUnsignedInt(id.substring(2), 16));
        assertThat(packet.byteCount()).isZero();
        assertThat(Hex.of(KdPacket.control(packet.type(), packet.id()).encode())).isEqualTo(hex);
    }

    @Test
    void getVersionRequestDecodesWithAValidChecksumAndReEncodes() {
        byte[] wire = bytes(GET_VERSION_REQUEST);
        KdPacket packet = (KdPacket) KdBody.decode(ByteBuffer.wrap(wire)).orElseThrow();
        assertThat(packet.isControl()).isFalse();
        assertThat(packet.type()).isEqualTo(KdPacketType.STATE_MANIPULATE);
        assertThat(packet.id()).isEqualTo(0x80000000);
        assertThat(packet.byteCount()).isEqualTo(56);
        assertThat(packet.checksum()).isEqualTo(0x10c0);
        assertThat(packet.checksumValid()).isTrue();
        assertThat(packet.encode()).isEqualTo(wire);
        assertThat(KdPacket.data(KdPacketType.STATE_MANIPULATE, 0x80000000, WireBytes.toArray(packet.payload())).encode()).isEqualTo(wire);
    }

    @Test
    void aWrongChecksumStillDecodesButSaysSo() {
        byte[] wire = bytes(GET_VERSION_REQUEST);
        wire[20] ^= 1;
        KdPacket packet = (KdPacket) KdBody.decode(ByteBuffer.wrap(wire)).orElseThrow();
        assertThat(packet.checksumValid()).isFalse();
        assertThat(packet.encode()).isEqualTo(wire);
    }

    @Test
    void checksumWrapsAt32Bits() {
        assertThat(KdPacket.checksumOf(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFF, 2}))).isEqualTo(0x200);
        assertThat(KdPacket.checksumOf(ByteBuffer.wrap(new byte[0]))).isZero();
    }

    @Test
    void theHelloOfFrame3NamesTheHost() throws Exception {
        byte[] body = bytes("000000000000000001 02a8c0".replace(" ", ""));
        UnusedHello hello = (UnusedHello) KdBody.decode(ByteBuffer.wrap(body)).orElseThrow();
        assertThat(hello.id()).isEqualTo(0xC0A80201);
        assertThat(hello.hostAddress()).isEqualTo(InetAddress.getByName("192.168.2.1"));
        assertThat(UnusedHello.naming((java.net.Inet4Address) InetAddress.getByName("192.168.2.1")).encode())
                .isEqualTo(body);
    }

    @Test
    void breakInIsTheSingleByte62() {
        assertThat(KdBody.decode(ByteBuffer.wrap(new byte[] {0x62})).orElseThrow()).isSameAs(BreakIn.INSTANCE);
        assertThat(BreakIn.INSTANCE.encode()).containsExactly(0x62);
        assertThat(KdBody.decode(ByteBuffer.wrap(new byte[] {0x63}))).isInstanceOf(Decoded.Malformed.class);
    }

    @Test
    void unknownPacketTypesSurviveARoundTrip() {
        KdPacket odd = KdPacket.data(KdPacketType.valueOf(0x1234), 7, new byte[] {1, 2, 3});
        KdPacket back = (KdPacket) KdBody.decode(ByteBuffer.wrap(odd.encode())).orElseThrow();
        assertThat(back.type().value()).isEqualTo(0x1234);
        assertThat(back.type().isKnown()).isFalse();
        assertThat(back.type().name()).isEqualTo("UNKNOWN(4660)");
        assertThat(back).isEqualTo(odd);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "empty,                  ''",
        "two bytes,              3030",
        "short header,           303030300200000000000000000000",
        "bad leader,             31303030020000000000000000000000",
        "count larger than body, 30303030020005000000000000000000aabb",
        "count smaller,          30303030020001000000000000000000aabb",
        "hello with a type,      000000000100000001 02a8c0",
    })
    void structuralDamageIsMalformedNotAnException(String what, String hex) {
        assertThat(KdBody.decode(ByteBuffer.wrap(bytes(hex.replace(" ", ""))))).isInstanceOf(Decoded.Malformed.class);
    }
}
