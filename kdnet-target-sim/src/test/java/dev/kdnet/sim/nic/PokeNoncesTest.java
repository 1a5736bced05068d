package dev.kdnet.sim.nic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.control.Poke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The recent-nonce window: the last four pokes, each answerable once; boot bytes fixed, counter +1 mod 2^16. */
class PokeNoncesTest {
    @Test
    void theLastFourNoncesAreAcceptedEachOnceAndOlderOnesNot() {
        PokeNonces nonces = new PokeNonces(new SplittableRandom(3));
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(nonces.next());
        }

        assertThat(nonces.consume(sent.get(0))).isFalse();
        assertThat(nonces.consume(sent.get(1))).isFalse();
        assertThat(nonces.consume(sent.get(2))).isTrue();
        assertThat(nonces.consume(sent.get(5))).isTrue();
        assertThat(nonces.consume(sent.get(5))).isFalse();
        assertThat(nonces.consume(sent.get(3))).isTrue();
        assertThat(nonces.consume(sent.get(4))).isTrue();
        assertThat(nonces.consume(new byte[Poke.NONCE_LENGTH])).isFalse();
    }

    @Test
    void theCounterWrapsAndTheBootBytesStay() {
        PokeNonces nonces = new PokeNonces(new SplittableRandom(5));
        byte[] first = nonces.next();
        byte[] previous = first;
        for (int i = 0; i < 0x10000; i++) {
            byte[] nonce = nonces.next();
            int counter = (previous[0] & 0xFF | (previous[1] & 0xFF) << 8);
            assertThat(nonce[0] & 0xFF | (nonce[1] & 0xFF) << 8).isEqualTo((counter + 1) & 0xFFFF);
            previous = nonce;
        }
        assertThat(previous).isEqualTo(first);
        assertThat(Arrays.copyOfRange(new PokeNonces(new SplittableRandom(6)).next(), 2, 32))
                .isNotEqualTo(Arrays.copyOfRange(first, 2, 32));
    }
}
