package dev.kdnet.host.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.control.Endpoint;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.SessionPeer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Datagrams judged as the doctor judges them, sealed here by a target-role peer. */
class DatagramLookTest {
    static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    static final InetSocketAddress TARGET = new InetSocketAddress("10.213.2.2", 50000);
    static final InetSocketAddress HOST = new InetSocketAddress("10.213.1.1", 50000);

    /** A sealed poke of a target at {@link #TARGET} configured for {@code host}, with {@code key}. */
    static byte[] poke(KdnetKey key, InetSocketAddress host) {
        Poke poke = Poke.of(Poke.nonce(7, new byte[Poke.NONCE_LENGTH - 2]), Endpoint.of(TARGET), Endpoint.of(host),
                Endpoint.UNBOUND);
        return WireBytes.toArray(new SessionPeer(KdRole.TARGET, key).sealControl(4, 3, poke.encode()));
    }

    private final DatagramCrypto crypto = new DatagramCrypto();

    @Test
    void aPokeWithTheKeyIsAuthenticAndCarriesTheTargetsSettings() {
        DatagramLook look = DatagramLook.of(poke(KEY, HOST), Optional.of(KEY), crypto);

        assertThat(look.kind()).isEqualTo(DatagramLook.Kind.POKE);
        assertThat(look.version()).isEqualTo(4);
        assertThat(look.poke().orElseThrow().host().port()).isEqualTo(50000);
    }

    @Test
    void aPokeUnderAnotherKeyIsAKeyMismatch() {
        assertThat(DatagramLook.of(poke(KdnetKey.parse("9.9.9.9"), HOST), Optional.of(KEY), crypto).kind())
                .isEqualTo(DatagramLook.Kind.KEY_MISMATCH);
    }

    @Test
    void withoutAKeyAKdnetDatagramIsUnchecked() {
        DatagramLook look = DatagramLook.of(poke(KEY, HOST), Optional.empty(), crypto);
        assertThat(look.kind()).isEqualTo(DatagramLook.Kind.UNCHECKED);
        assertThat(look.version()).isEqualTo(4);
    }

    @Test
    void otherBytesAreNotKdnet() {
        byte[] text = "hello, this is not KDNET at all!!!!!!!!!".getBytes(StandardCharsets.US_ASCII);
        assertThat(DatagramLook.of(text, Optional.of(KEY), crypto).kind()).isEqualTo(DatagramLook.Kind.NOT_KDNET);
        assertThat(DatagramLook.of(new byte[1], Optional.empty(), crypto).kind())
                .isEqualTo(DatagramLook.Kind.NOT_KDNET);
        byte[] shortMdbg = {'M', 'D', 'B', 'G', 4, 1, 0, 0};
        assertThat(DatagramLook.of(shortMdbg, Optional.of(KEY), crypto).kind())
                .isEqualTo(DatagramLook.Kind.NOT_KDNET);
    }
}
