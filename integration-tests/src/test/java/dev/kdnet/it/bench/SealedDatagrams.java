package dev.kdnet.it.bench;

import dev.kdnet.protocol.datagram.Channel;
import dev.kdnet.protocol.datagram.Datagram;
import dev.kdnet.protocol.datagram.DatagramCrypto;
import dev.kdnet.protocol.datagram.Direction;
import dev.kdnet.protocol.datagram.OpenOutcome;
import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.key.DataKey;
import dev.kdnet.protocol.key.KdnetKey;
import java.nio.ByteBuffer;

/**
 * Data-channel datagrams of one session, sealed and opened as host and target do: the benchmarks' only use of
 * {@link DatagramCrypto}, so that a change of its signatures is met here alone. Not thread-safe, as the crypto.
 */
final class SealedDatagrams {
    /** The version byte sealed into each datagram; any value gives the same sizes. */
    private static final int VERSION = 6;
    /** A fixed stand-in for the host's response body the data key is derived from (kdnet-wire §3). */
    private static final byte[] RESPONSE_BODY = new byte[322];

    private final DatagramCrypto crypto = new DatagramCrypto();
    private final SessionKeys keys;

    /** A session under {@code key} whose data key is already derived. */
    SealedDatagrams(KdnetKey key) {
        keys = SessionKeys.of(key).withDataKey(DataKey.derive(key, RESPONSE_BODY));
    }

    /** The wire bytes of a data datagram carrying {@code body}. */
    byte[] seal(Direction direction, long sequence, byte[] body) {
        return crypto.seal(keys, Datagram.of(VERSION, Channel.DATA, sequence, direction, body));
    }

    /**
     * Opens {@code wire} as a datagram sent in {@code direction}; a view of its body, or null if it was rejected.
     * {@code wire} is left as it was, so one sealed buffer can be opened again and again.
     */
    ByteBuffer open(ByteBuffer wire, Direction direction) {
        return crypto.open(keys, wire, direction) instanceof OpenOutcome.Opened opened
                ? opened.datagram().body() : null;
    }
}
