package dev.kdnet.protocol.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.link.KdRole;
import dev.kdnet.protocol.session.SessionObserver;
import dev.kdnet.protocol.session.SessionPeer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz generator repeats itself for a seed, mixes all its kinds and seals authentic datagrams that open. */
class FuzzDatagramsTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final byte[] RESPONSE = new byte[322];
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.1", 50000);
    private static final int DATAGRAMS = 5_000;

    @Test
    void theSameSeedGivesTheSameDatagramsAndAnotherSeedOthers() {
        List<byte[]> first = take(new FuzzDatagrams(7, KdRole.TARGET, KEY, RESPONSE));
        List<byte[]> again = take(new FuzzDatagrams(7, KdRole.TARGET, KEY, RESPONSE));
        List<byte[]> other = take(new FuzzDatagrams(8, KdRole.TARGET, KEY, RESPONSE));
        assertThat(again).zipSatisfy(first, (a, b) -> assertThat(a).isEqualTo(b));
        assertThat(other.get(0)).isNotEqualTo(first.get(0));
    }

    @Test
    void everyKindIsMadeAndManyDatagramsOpenWithTheKeysInTheirDirection() {
        FuzzDatagrams fuzz = new FuzzDatagrams(11, KdRole.HOST, KEY, RESPONSE);
        int openedData = 0;
        int openedControl = 0;
        for (byte[] wire : take(fuzz)) {
            Channel channel = authenticOn(KdRole.TARGET, wire);
            if (channel == Channel.DATA) {
                openedData++;
            } else if (channel == Channel.CONTROL) {
                openedControl++;
            }
        }
        assertThat(fuzz.counts()).containsOnlyKeys(FuzzDatagrams.Kind.values());
        assertThat(fuzz.counts().get(FuzzDatagrams.Kind.AUTHENTIC)).isGreaterThan(DATAGRAMS / 4);
        assertThat(openedData).isGreaterThan(DATAGRAMS / 4);
        assertThat(openedControl).isPositive();
    }

    @Test
    void withoutADataKeyAuthenticDatagramsAreControlOnesAndARekeyAddsData() {
        FuzzDatagrams fuzz = new FuzzDatagrams(3, KdRole.TARGET, KEY);
        assertThat(take(fuzz)).noneMatch(wire -> isAuthentic(wire, Channel.DATA));
        fuzz.rekey(RESPONSE);
        assertThat(take(fuzz)).anyMatch(wire -> isAuthentic(wire, Channel.DATA));
    }

    private static boolean isAuthentic(byte[] wire, Channel channel) {
        return authenticOn(KdRole.HOST, wire) == channel;
    }

    /** The channel of {@code wire} if it opens at {@code receiver} keyed with {@link #RESPONSE}, else null. */
    private static Channel authenticOn(KdRole receiver, byte[] wire) {
        SessionPeer peer = new SessionPeer(receiver, KEY);
        peer.keyChannel(SENDER, 4, RESPONSE);
        Channel[] opened = {null};
        peer.observe(new SessionObserver() {
            @Override
            public void opened(InetSocketAddress sender, Datagram datagram) {
                opened[0] = datagram.channel();
            }
        });
        peer.receive(SENDER, ByteBuffer.wrap(wire));
        return opened[0];
    }

    private static List<byte[]> take(FuzzDatagrams fuzz) {
        List<byte[]> datagrams = new ArrayList<>();
        for (int i = 0; i < DATAGRAMS; i++) {
            datagrams.add(fuzz.next());
        }
        return datagrams;
    }
}
