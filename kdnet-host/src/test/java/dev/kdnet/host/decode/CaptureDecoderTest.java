package dev.kdnet.host.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.capture.CaptureReader;
import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.kd.BreakIn;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every verdict on a synthetic capture, and the data key taken from the verified response. */
class CaptureDecoderTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private final DatagramCrypto crypto = new DatagramCrypto();

    @Test
    void givesEachFrameItsVerdictAndKeysDataFromTheResponse() throws IOException {
        Inet4Address host = (Inet4Address) InetAddress.getByName("10.1.1.1");
        Poke poke = Poke.of(Poke.nonce(1, new byte[30]), Endpoint.of((Inet4Address) InetAddress.getByName("10.1.1.2"),
                50000), Endpoint.of(host, 50000), Endpoint.UNBOUND);
        ControlResponse response = ControlResponse.answering(poke, new SplittableRandom(7));
        SessionKeys keys = SessionKeys.of(KEY);
        SessionKeys dataKeys = keys.withDataKey(DataKey.derive(KEY, response.encode()));
        byte[] sealedPoke = seal(keys, Channel.CONTROL, 3, Direction.TARGET_TO_HOST, poke.encode());

        byte[] pcap = new SyntheticCapture()
                .tcp()
                .udp("hello, not KDNET".getBytes())
                .udp(Arrays.copyOf(sealedPoke, 30))
                .udp(seal(dataKeys, Channel.DATA, 1, Direction.TARGET_TO_HOST, UnusedHello.naming(host).encode()))
                .udp(seal(SessionKeys.of(KdnetKey.parse("1.2.3.5")), Channel.CONTROL, 3, Direction.TARGET_TO_HOST,
                        poke.encode()))
                .udp(sealedPoke)
                .udp(seal(keys, Channel.CONTROL, 3, Direction.HOST_TO_TARGET, response.encode()))
                .udp(seal(dataKeys, Channel.DATA, 1, Direction.TARGET_TO_HOST, UnusedHello.naming(host).encode()))
                .udp(seal(dataKeys, Channel.DATA, 2, Direction.TARGET_TO_HOST, new byte[20]))
                .udp(seal(dataKeys, Channel.DATA, 1, Direction.HOST_TO_TARGET, BreakIn.INSTANCE.encode()))
                .pcap();

        List<DecodedDatagram> decoded = CaptureDecoder.decodeAll(KEY,
                CaptureReader.read(new ByteArrayInputStream(pcap)));

        assertThat(decoded).extracting(DecodedDatagram::verdict).containsExactly(
                Verdict.NOT_KDNET, Verdict.NOT_KDNET, Verdict.MALFORMED, Verdict.NO_DATA_KEY, Verdict.BAD_HMAC,
                Verdict.VERIFIED, Verdict.VERIFIED, Verdict.VERIFIED, Verdict.MALFORMED, Verdict.VERIFIED);
        assertThat(decoded).extracting(DecodedDatagram::reason).containsExactly(
                "no IPv4/UDP datagram", "no MDBG magic", "bad length", null, null,
                null, null, null, "KD leader 0x00000000 is neither data nor control", null);
        assertThat(decoded.get(5).content().kind()).isEqualTo("CONTROL POKE/OFFER");
        assertThat(decoded.get(6).content().fields()).extracting(Field::text)
                .contains("data-key=fingerprint:" + dataKeys.dataKey().orElseThrow().fingerprint());
        assertThat(decoded.get(7).opened().key()).isEqualTo("dk@7");
        assertThat(decoded.get(7).content()).isEqualTo(Content.of("KD UNUSED", Field.word("host", "10.1.1.1")));
        assertThat(decoded.get(9).content().kind()).isEqualTo("KD BREAKIN");
        assertThat(decoded.get(9).relativeNanos()).isEqualTo(9_000_000_000L);

        VerdictCounts counts = new VerdictCounts();
        decoded.forEach(d -> counts.add(d.verdict()));
        assertThat(counts.summary())
                .isEqualTo("10 datagrams: 4 verified, 1 bad HMAC, 1 no data key, 2 malformed, 2 not KDNET");
    }

    @Test
    void quotesTargetTextOnOneLine() {
        assertThat(QuotedText.quote("it's\tC:\\x\n\u0001\u00e9")).isEqualTo("'it\\'s\\tC:\\\\x\\n\\x01\\xe9'");
    }

    private byte[] seal(SessionKeys keys, Channel channel, long sequence, Direction direction, byte[] body) {
        return crypto.seal(keys, Datagram.of(4, channel, sequence, direction, body));
    }
}
