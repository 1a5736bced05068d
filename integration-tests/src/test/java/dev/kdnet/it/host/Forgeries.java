package dev.kdnet.it.host;

import dev.kdnet.protocol.control.ControlResponse;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.drop.DropReason;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an attacker makes of one direction of a session it recorded: each datagram to send with the drop reason the
 * receiving side must count it under. The reason of each case follows
 * from how the datagram is made (see kdnet-wire §2.4 for the order of the checks), not from running the receiver.
 */
final class Forgeries {
    /** A datagram to send and the reason it must be dropped for. */
    record Injection(String what, byte[] wire, DropReason reason) {
    }

    /** A key that is not the session's. */
    static final KdnetKey WRONG_KEY = KdnetKey.parse("1.2.3.5");
    private static final SessionKeys WRONG_KEYS =
            SessionKeys.of(WRONG_KEY).withDataKey(DataKey.derive(WRONG_KEY, new byte[ControlResponse.LENGTH]));
    /** The smallest datagram the truncations can cut at every length they use. */
    private static final int SHORTEST_TO_TRUNCATE = DatagramCrypto.MIN_LENGTH + 32;

    private final SessionKeys keys;
    private final DatagramCrypto crypto = new DatagramCrypto();
    private final List<Injection> injections = new ArrayList<>();

    /** Forgeries from datagrams of a session keyed with {@code keys} (the attacker needs them only to re-seal). */
    Forgeries(SessionKeys keys) {
        this.keys = keys;
    }

    private Forgeries add(String what, byte[] wire, DropReason reason) {
        injections.add(new Injection(what, wire, reason));
        return this;
    }

    /** Each recorded datagram again, unchanged. */
    Forgeries replays(String what, List<byte[]> recorded, DropReason reason) {
        for (int i = 0; i < recorded.size(); i++) {
            add("replayed " + what + " #" + i, recorded.get(i).clone(), reason);
        }
        return this;
    }

    /** A datagram of the other direction, sent back: authentic, but its direction bit names the receiver. */
    Forgeries reflected(byte[] otherDirection) {
        return add("reflected datagram", otherDirection.clone(), DropReason.WRONG_DIRECTION);
    }

    /** The recorded datagram re-sealed under {@link #WRONG_KEY}, as it was and with a sequence far ahead. */
    Forgeries underWrongKey(String what, byte[] recorded) {
        Datagram datagram = open(recorded);
        Datagram ahead = new Datagram(datagram.version(), datagram.channel(), datagram.sequence() + 1_000_000,
                datagram.direction(), datagram.body());
        add(what + " under a wrong key", crypto.seal(WRONG_KEYS, datagram), DropReason.HMAC_MISMATCH);
        return add(what + " under a wrong key, sequence ahead", crypto.seal(WRONG_KEYS, ahead),
                DropReason.HMAC_MISMATCH);
    }

    /** One bit flipped in the clear header, the ciphertext and the tag. */
    Forgeries bitFlips(byte[] recorded) {
        int tag = recorded.length - DatagramCrypto.TAG_LENGTH;
        flip(recorded, 0, 0, "magic", DropReason.BAD_MAGIC);
        flip(recorded, 4, 0, "version byte", DropReason.HMAC_MISMATCH);
        flip(recorded, 5, 1, "channel byte to channel 2", DropReason.UNKNOWN_CHANNEL);
        flip(recorded, 5, 0, "channel byte to the other channel and key", DropReason.HMAC_MISMATCH);
        flip(recorded, DatagramCrypto.CLEAR_HEADER_LENGTH, 7, "first ciphertext block (sequence)",
                DropReason.HMAC_MISMATCH);
        flip(recorded, tag - 1, 0, "last ciphertext byte", DropReason.HMAC_MISMATCH);
        flip(recorded, tag, 0, "first tag byte", DropReason.HMAC_MISMATCH);
        flip(recorded, recorded.length - 1, 7, "last tag byte", DropReason.HMAC_MISMATCH);
        return this;
    }

    private void flip(byte[] recorded, int index, int bit, String where, DropReason reason) {
        byte[] flipped = recorded.clone();
        flipped[index] ^= (byte) (1 << bit);
        add("bit " + bit + " of byte " + index + " flipped (" + where + ")", flipped, reason);
    }

    /**
     * Cut short: inside the magic; shorter than the minimum of 38; not whole AES blocks; and whole blocks again
     * (38 bytes, 16 short), which only the HMAC can refuse.
     */
    Forgeries truncations(byte[] recorded) {
        if (recorded.length < SHORTEST_TO_TRUNCATE) {
            throw new IllegalArgumentException("truncations need " + SHORTEST_TO_TRUNCATE + " bytes or more, not "
                    + recorded.length);
        }
        int length = recorded.length;
        cut(recorded, 3, DropReason.BAD_MAGIC);
        cut(recorded, 4, DropReason.BAD_LENGTH);
        cut(recorded, DatagramCrypto.MIN_LENGTH - 1, DropReason.BAD_LENGTH);
        cut(recorded, length - 1, DropReason.BAD_LENGTH);
        cut(recorded, length - 8, DropReason.BAD_LENGTH);
        cut(recorded, DatagramCrypto.MIN_LENGTH, DropReason.HMAC_MISMATCH);
        cut(recorded, length - 16, DropReason.HMAC_MISMATCH);
        return this;
    }

    private void cut(byte[] recorded, int length, DropReason reason) {
        add("truncated to " + length + " of " + recorded.length + " bytes", Arrays.copyOf(recorded, length), reason);
    }

    /**
     * Zero-padded past 4054 bytes, the largest datagram (4055, 5000, exactly the 8 KiB receive buffer, and 9000,
     * which the kernel cuts to it), and to exactly 4054 bytes, whole AES blocks, which is not oversized.
     */
    Forgeries oversized(byte[] recorded) {
        for (int length : new int[] {DatagramCrypto.MAX_LENGTH + 1, 5000, 8192, 9000}) {
            add("padded to " + length + " bytes", Arrays.copyOf(recorded, length), DropReason.OVERSIZED);
        }
        return add("padded to the maximum, " + DatagramCrypto.MAX_LENGTH + " bytes",
                Arrays.copyOf(recorded, DatagramCrypto.MAX_LENGTH), DropReason.HMAC_MISMATCH);
    }

    /** Datagrams authentic under another session's data key (same root key, another port's handshake). */
    Forgeries fromAnotherSession(List<byte[]> recorded) {
        for (int i = 0; i < recorded.size(); i++) {
            add("another session's data datagram #" + i, recorded.get(i).clone(), DropReason.HMAC_MISMATCH);
        }
        return this;
    }

    /** Everything made so far, in order. */
    List<Injection> injections() {
        return List.copyOf(injections);
    }

    /** How many of them must be dropped for each reason. */
    Map<DropReason, Long> counts() {
        Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);
        injections.forEach(injection -> counts.merge(injection.reason(), 1L, Long::sum));
        return counts;
    }

    private Datagram open(byte[] recorded) {
        if (crypto.open(keys, ByteBuffer.wrap(recorded)) instanceof OpenOutcome.Opened opened) {
            return opened.datagram();
        }
        throw new IllegalArgumentException("a recorded datagram does not open with the session's keys");
    }
}
