package dev.kdnet.protocol.session;

import dev.kdnet.protocol.datagram.SessionKeys;
import dev.kdnet.protocol.key.DataKey;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The data channel one handshake keyed (kdnet-wire §4.1): the peer's address, the keys with the data key D, the
 * version byte of the session, this side's next data sequence (from 1) and the highest sequence accepted from the
 * peer (from 0). A new handshake makes a new channel, so re-keying resets both counters. Not thread-safe.
 */
public final class DataChannel {
    private final InetSocketAddress peer;
    private final SessionKeys keys;
    private final int version;
    private long nextSequence = 1;
    private long highestAccepted;

    DataChannel(InetSocketAddress peer, SessionKeys keys, int version) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.version = version;
    }

    /** Where the channel's datagrams go and must come from. */
    public InetSocketAddress peer() {
        return peer;
    }

    /** The version byte of this side's data datagrams. */
    public int version() {
        return version;
    }

    /** The data key's fingerprint (never the key). */
    public String dataKeyFingerprint() {
        return keys.dataKey().map(DataKey::fingerprint).orElseThrow();
    }

    /** The highest peer sequence accepted so far (0 before the first). */
    public long highestAccepted() {
        return highestAccepted;
    }

    SessionKeys keys() {
        return keys;
    }

    /** The sequence number for the next data datagram this side sends. */
    long takeSequence() {
        return nextSequence++;
    }

    /** True (and remembered) if {@code sequence} exceeds every peer sequence accepted so far. */
    boolean accept(long sequence) {
        if (sequence <= highestAccepted) {
            return false;
        }
        highestAccepted = sequence;
        return true;
    }

    @Override
    public String toString() {
        return "DataChannel[peer=" + peer + ", v" + version + ", data key " + dataKeyFingerprint() + "]";
    }
}
