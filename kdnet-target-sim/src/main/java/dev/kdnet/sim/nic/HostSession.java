package dev.kdnet.sim.nic;

import dev.kdnet.protocol.datagram.SessionKeys;
import java.net.InetSocketAddress;

/**
 * The data channel to the host whose response the agent accepted: its address, the keys with the data key D,
 * the agent's own next data sequence (from 1) and the highest host sequence accepted (from 0). A new response
 * makes a new session, so re-keying resets both counters (kdnet-wire §4.1). Event-loop confined.
 */
final class HostSession {
    private final InetSocketAddress host;
    private final SessionKeys keys;
    private long nextSequence = 1;
    private long highestAccepted;

    HostSession(InetSocketAddress host, SessionKeys keys) {
        this.host = host;
        this.keys = keys;
    }

    /** Where the session's datagrams go and must come from. */
    InetSocketAddress host() {
        return host;
    }

    /** Root, HMAC and data keys. */
    SessionKeys keys() {
        return keys;
    }

    /** The sequence number for the next data datagram this side sends. */
    long takeSequence() {
        return nextSequence++;
    }

    /** True (and remembered) if {@code sequence} exceeds every host sequence accepted so far. */
    boolean acceptSequence(long sequence) {
        if (sequence <= highestAccepted) {
            return false;
        }
        highestAccepted = sequence;
        return true;
    }
}
