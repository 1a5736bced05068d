package dev.kdnet.protocol.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz generator repeats itself for a seed, mixes all its kinds and seals authentic datagrams that open. */
class FuzzDatagramsTest {
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final SessionKeys KEYS = SessionKeys.of(KEY).withDataKey(DataKey.derive(KEY, new byte[322]));
    private static final int DATAGRAMS = 5_000;

    @Test
    void theSameSeedGivesTheSameDatagramsAndAnotherSeedOthers() {
        List<byte[]> first = take(new FuzzDatagrams(7, Direction.TARGET_TO_HOST, KEYS));
        List<byte[]> again = take(new FuzzDatagrams(7, Direction.TARGET_TO_HOST, KEYS));
        List<byte[]> other = take(new FuzzDatagrams(8, Direction.TARGET_TO_HOST, KEYS));
        assertThat(again).zipSatisfy(first, (a, b) -> assertThat(a).isEqualTo(b));
        assertThat(other.get(0)).isNotEqualTo(first.get(0));
    }

    @Test
    void everyKindIsMadeAndManyDatagramsOpenWithTheKeysInTheirDirection() {
        FuzzDatagrams fuzz = new FuzzDatagrams(11, Direction.HOST_TO_TARGET, KEYS);
        DatagramCrypto crypto = new DatagramCrypto();
        int openedData = 0;
        int openedControl = 0;
        for (byte[] wire : take(fuzz)) {
            if (crypto.open(KEYS, ByteBuffer.wrap(wire), Direction.HOST_TO_TARGET) instanceof OpenOutcome.Opened opened) {
                if (opened.datagram().channel() == Channel.DATA) {
                    openedData++;
                } else {
                    openedControl++;
                }
            }
        }
        assertThat(fuzz.counts()).containsOnlyKeys(FuzzDatagrams.Kind.values());
        assertThat(fuzz.counts().get(FuzzDatagrams.Kind.AUTHENTIC)).isGreaterThan(DATAGRAMS / 4);
        assertThat(openedData).isGreaterThan(DATAGRAMS / 4);
        assertThat(openedControl).isPositive();
    }

    @Test
    void withoutADataKeyAuthenticDatagramsAreControlOnesAndARekeyAddsData() {
        FuzzDatagrams fuzz = new FuzzDatagrams(3, Direction.TARGET_TO_HOST, SessionKeys.of(KEY));
        assertThat(take(fuzz)).noneMatch(wire -> isAuthentic(wire, Channel.DATA));
        fuzz.rekey(KEYS);
        assertThat(take(fuzz)).anyMatch(wire -> isAuthentic(wire, Channel.DATA));
    }

    private static boolean isAuthentic(byte[] wire, Channel channel) {
        return new DatagramCrypto().open(KEYS, ByteBuffer.wrap(wire), Direction.TARGET_TO_HOST) instanceof OpenOutcome.Opened opened
                && opened.datagram().channel() == channel;
    }

    private static List<byte[]> take(FuzzDatagrams fuzz) {
        List<byte[]> datagrams = new ArrayList<>();
        for (int i = 0; i < DATAGRAMS; i++) {
            datagrams.add(fuzz.next());
        }
        return datagrams;
    }
}
