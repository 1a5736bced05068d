package dev.kdnet.sim.nic;

import dev.kdnet.protocol.control.Poke;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.random.RandomGenerator;

/**
 * The nonces of one boot's pokes (kdnet-wire §3.1): a little-endian 16-bit counter that goes up by one per poke,
 * then 30 bytes drawn once per boot. The counter starts at a random value, as the captures' do (0x97c1, 0x4b0d,
 * 0x370b). Remembers the last {@value #RECENT} nonces sent; a response may echo one of them, once.
 *
 * <p>Why {@value #RECENT}: a host answers within a round trip, far below the 3-second poke interval, so the nonce
 * it echoes is normally the latest. Keeping a few more covers an answer that crossed the next poke on a slow or
 * impaired link and the burst of immediate pokes that empty control datagrams (host-initiated contact, about two
 * per second) cause, while a replayed response can re-key the session only within those few pokes. Each nonce is
 * accepted once, so a duplicated or replayed copy of a response that was already accepted is dropped instead of
 * resetting the data channel's sequence numbers.
 */
final class PokeNonces {
    /** How many of the latest pokes' nonces a response may echo. */
    static final int RECENT = 4;

    private final byte[] bootBytes = new byte[Poke.NONCE_LENGTH - 2];
    private final ArrayDeque<byte[]> recent = new ArrayDeque<>(RECENT);
    private int counter;

    /** A new boot: fresh boot bytes and a random counter start from {@code random}. */
    PokeNonces(RandomGenerator random) {
        random.nextBytes(bootBytes);
        counter = random.nextInt(0x10000);
    }

    /** The nonce for the next poke; the counter advances and the nonce joins the recent ones. */
    byte[] next() {
        byte[] nonce = Poke.nonce(counter, bootBytes);
        counter = (counter + 1) & 0xFFFF;
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(nonce);
        return nonce.clone();
    }

    /** True if {@code echoed} is one of the recent nonces not answered yet; it cannot be answered again. */
    boolean consume(byte[] echoed) {
        for (Iterator<byte[]> it = recent.iterator(); it.hasNext(); ) {
            if (Arrays.equals(it.next(), echoed)) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
