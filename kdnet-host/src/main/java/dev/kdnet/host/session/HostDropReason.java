package dev.kdnet.host.session;

import dev.kdnet.protocol.datagram.RejectReason;

/** Why the host dropped a datagram or a packet from the network; counted per session. */
public enum HostDropReason {
    /** Longer than the largest KDNET datagram, or cut short by the receive buffer (before crypto). */
    OVERSIZED(RejectReason.OVERSIZED.description()),
    /** Not an MDBG datagram. */
    BAD_MAGIC(RejectReason.BAD_MAGIC.description()),
    /** Too short, or not a whole number of AES blocks. */
    BAD_LENGTH(RejectReason.BAD_LENGTH.description()),
    /** A channel byte that names no channel. */
    UNKNOWN_CHANNEL(RejectReason.UNKNOWN_CHANNEL.description()),
    /** A data datagram before any handshake. */
    NO_DATA_KEY(RejectReason.NO_DATA_KEY.description()),
    /** The HMAC did not verify (wrong key, or a stale data key). */
    HMAC_MISMATCH(RejectReason.HMAC_MISMATCH.description()),
    /** Padding out of range after the HMAC verified. */
    BAD_PADDING(RejectReason.BAD_PADDING.description()),
    /** A datagram flagged host → target. */
    WRONG_DIRECTION(RejectReason.WRONG_DIRECTION.description()),
    /**
     * A replay: a data datagram whose sequence does not exceed the last one accepted, or a poke whose sequence does
     * not exceed the highest heard from the same target boot.
     */
    STALE_SEQUENCE("stale sequence"),
    /** A data datagram from another address than the session's target. */
    WRONG_SOURCE("wrong source"),
    /** An authentic body that does not decode (control message, KD packet or DBGKD payload). */
    MALFORMED_BODY("malformed body"),
    /** An authentic control message a target should not send (a response). */
    UNEXPECTED_CONTROL("unexpected control message"),
    /** A datagram from a source other than the session's target, over that source's rate limit (before crypto). */
    RATE_LIMITED("source over its rate limit");

    private final String description;

    HostDropReason(String description) {
        this.description = description;
    }

    /** Words for a log line. */
    public String description() {
        return description;
    }

    /** The reason for a datagram the crypto layer rejected. */
    public static HostDropReason of(RejectReason reason) {
        return valueOf(reason.name());
    }
}
