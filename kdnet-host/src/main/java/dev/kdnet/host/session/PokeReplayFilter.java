package dev.kdnet.host.session;

import dev.kdnet.protocol.control.Poke;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a replayed poke from a fresh one. Pokes use the root key, so anyone who recorded one can send it again, and
 * an unbound poke the host answers re-keys the data channel: a replay of a target's first poke would cut a working
 * session. Within one boot a target's pokes carry the same 30 nonce bytes after the counter and sequence numbers
 * that grow by 3 (kdnet-wire §3.1), so a poke of a boot already heard whose sequence does not exceed the highest one
 * heard from that boot is a replay (or a duplicate); a rebooted target brings new boot bytes and is fresh.
 *
 * <p>Remembers the last {@value #BOOTS} boots heard on the port, forgetting the one heard from least recently; only
 * authentic pokes reach it, so only key holders can make it remember. Used from one event loop only.
 */
final class PokeReplayFilter {
    /** Boots remembered. */
    static final int BOOTS = 16;

    private final Map<String, Long> highestSequence = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > BOOTS;
        }
    };

    /**
     * True if {@code poke}, sent with datagram sequence {@code sequence}, is newer than every poke heard from its
     * boot (it is then remembered as the newest); false for a replay.
     */
    boolean fresh(Poke poke, long sequence) {
        String boot = HexFormat.of().formatHex(poke.bootBytes());
        Long highest = highestSequence.get(boot);
        if (highest != null && sequence <= highest) {
            return false;
        }
        highestSequence.put(boot, sequence);
        return true;
    }
}
