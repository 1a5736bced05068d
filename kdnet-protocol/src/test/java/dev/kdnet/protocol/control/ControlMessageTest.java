package dev.kdnet.protocol.control;

import static dev.kdnet.protocol.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.testing.Hex;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Poke, response and empty control bodies against the real C4 bodies of kdnet-wire §9. */
class ControlMessageTest {
    private static final String NONCE = "c19792dfac7aa1dfe007010018000b00240005000000070088f7570043a12600";
    /** Body of C4 frame 1: the first, unbound poke. */
    private static final String FIRST_POKE = "0101" + NONCE
            + "00000000000000000000ffffc0a80248c7a7" + "00000000000000000000ffffc0a80201c7a7"
            + "00000000000000000000ffff000000000000" + "00".repeat(256);
    /** Body of C4 frame 516: a keepalive poke, bound to the host. */
    private static final String KEEPALIVE_POKE = "0101c29792dfac7aa1dfe007010018000b00240005000000070088f7570043a12600"
            + "00000000000000000000ffffc0a80248c7a7" + "00000000000000000000ffffc0a80201c7a7"
            + "00000000000000000000ffffc0a80201c7a7" + "00".repeat(256);
    /** Body of C4 frame 2: WinDbg's response. */
    private static final String RESPONSE = "0102" + NONCE
            + "41b4fa1b2ddd14ee3eeb8db987c0c7257ce62eef126ab74ef212136c100c540b" + "00".repeat(256);

    private static Inet4Address ip(String text) throws Exception {
        return (Inet4Address) InetAddress.getByName(text);
    }

    @Test
    void decodesTheFirstRealPoke() throws Exception {
        Poke poke = (Poke) ControlMessage.decode(ByteBuffer.wrap(bytes(FIRST_POKE))).orElseThrow();
        assertThat(Hex.of(poke.nonce())).isEqualTo(NONCE);
        assertThat(poke.nonceCounter()).isEqualTo(0x97C1);
        assertThat(poke.target()).isEqualTo(Endpoint.of(ip("192.168.2.72"), 51111));
        assertThat(poke.host()).isEqualTo(Endpoint.of(ip("192.168.2.1"), 51111));
        assertThat(poke.bound()).isEqualTo(Endpoint.UNBOUND);
        assertThat(poke.isUnbound()).isTrue();
        assertThat(Hex.of(poke.encode())).isEqualTo(FIRST_POKE);
    }

    @Test
    void keepalivePokeNamesTheBoundHostAndTheNextCounter() throws Exception {
        Poke poke = (Poke) ControlMessage.decode(ByteBuffer.wrap(bytes(KEEPALIVE_POKE))).orElseThrow();
        assertThat(poke.isUnbound()).isFalse();
        assertThat(poke.bound().ipv4()).isEqualTo(ip("192.168.2.1"));
        assertThat(poke.nonceCounter()).isEqualTo(0x97C2);
        assertThat(Hex.of(poke.bootBytes())).as("the same boot as the first poke").isEqualTo(NONCE.substring(4));
        assertThat(Hex.of(poke.encode())).isEqualTo(KEEPALIVE_POKE);
    }

    @Test
    void buildingTheFirstPokeFromItsFieldsGivesTheRealBytes() throws Exception {
        byte[] bootBytes = bytes(NONCE.substring(4));
        Poke built = Poke.of(Poke.nonce(0x97C1, bootBytes), Endpoint.of(ip("192.168.2.72"), 51111),
                Endpoint.of(ip("192.168.2.1"), 51111), Endpoint.UNBOUND);
        assertThat(Hex.of(built.encode())).isEqualTo(FIRST_POKE);
    }

    @Test
    void decodesTheRealResponseAndAnswersPokesTheSameWay() {
        ControlResponse response = (ControlResponse) ControlMessage.decode(ByteBuffer.wrap(bytes(RESPONSE))).orElseThrow();
        assertThat(response.echoes(bytes(NONCE))).isTrue();
        assertThat(Hex.of(response.encode())).isEqualTo(RESPONSE);

        Poke poke = (Poke) ControlMessage.decode(ByteBuffer.wrap(bytes(FIRST_POKE))).orElseThrow();
        ControlResponse answer = ControlResponse.answering(poke, new SplittableRandom(1));
        byte[] encoded = answer.encode();
        assertThat(encoded).hasSize(322);
        assertThat(Hex.of(encoded)).startsWith("0102" + NONCE).endsWith("00".repeat(256));
        assertThat(answer.hostNonce()).isNotEqualTo(new byte[32]);
    }

    @Test
    void emptyBodyIsTheHostsPokeRequest() {
        assertThat(ControlMessage.decode(ByteBuffer.wrap(new byte[0])).orElseThrow()).isSameAs(EmptyControl.INSTANCE);
        assertThat(EmptyControl.INSTANCE.encode()).isEmpty();
    }

    @Test
    void malformedBodiesAreReportedNotThrown() {
        assertThat(ControlMessage.decode(ByteBuffer.wrap(new byte[1]))).isInstanceOf(Decoded.Malformed.class);
        assertThat(ControlMessage.decode(ByteBuffer.wrap(bytes("0101")))).isEqualTo(Decoded.malformed("poke body of 2 bytes; expected 344"));
        assertThat(ControlMessage.decode(ByteBuffer.wrap(bytes("0102" + NONCE)))).isInstanceOf(Decoded.Malformed.class);
        assertThat(ControlMessage.decode(ByteBuffer.wrap(bytes("0107")))).isEqualTo(Decoded.malformed("unknown control message kind 0x07"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5000; i++) {
            byte[] body = new byte[random.nextInt(400)];
            random.nextBytes(body);
            if (body.length > 1 && random.nextBoolean()) {
                body[1] = (byte) (1 + random.nextInt(2));
            }
            assertThat(ControlMessage.decode(ByteBuffer.wrap(body))).as("seed 7, body %d", i).isNotNull();
        }
    }

    @Test
    void nonIpv4AddressFieldsSurviveARoundTrip() {
        byte[] odd = bytes(FIRST_POKE);
        odd[34] = 0x20; // target address now a plain IPv6 address
        Poke poke = (Poke) ControlMessage.decode(ByteBuffer.wrap(odd)).orElseThrow();
        assertThat(poke.target().isIpv4Mapped()).isFalse();
        assertThat(poke.target().ipv4()).isNull();
        assertThat(poke.encode()).isEqualTo(odd);
    }
}
