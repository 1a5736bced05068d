package dev.kdnet.protocol.drop;

import dev.kdnet.protocol.datagram.RejectReason;

/**
 * Why a side dropped a datagram (or the packet in it) from the network; every drop is counted under one of these.
 * The crypto layer's reasons come first, with its names and words; the rest are the host's and the target's own.
 */
public enum DropReason {
    /** Longer than the largest KDNET datagram, or cut short by the receive buffer; checked before anything else. */
    OVERSIZED(RejectReason.OVERSIZED),
    /** The first four bytes are not {@code MDBG}. */
    BAD_MAGIC(RejectReason.BAD_MAGIC),
    /** Too short, or the ciphertext is not a whole number of AES blocks. */
    BAD_LENGTH(RejectReason.BAD_LENGTH),
    /** The channel byte is neither data nor control. */
    UNKNOWN_CHANNEL(RejectReason.UNKNOWN_CHANNEL),
    /** A data datagram while no handshake has keyed the data channel. */
    NO_DATA_KEY(RejectReason.NO_DATA_KEY),
    /** The HMAC does not match: another key, a stale data key, corruption or forgery. */
    HMAC_MISMATCH(RejectReason.HMAC_MISMATCH),
    /** Authentic, but its pad is not 0..15 zero bytes. */
    BAD_PADDING(RejectReason.BAD_PADDING),
    /** Authentic, but flagged in the receiver's own direction (a reflection of its own traffic). */
    WRONG_DIRECTION(RejectReason.WRONG_DIRECTION),
    /** An authentic datagram whose sequence does not exceed the last one accepted: a replay or a late copy. */
    STALE_SEQUENCE("stale sequence"),
    /** An authentic data datagram from another address than the session's peer. */
    WRONG_SOURCE("wrong source"),
    /** Authentic, but the body does not decode (control message, KD packet or DBGKD payload). */
    MALFORMED_BODY("malformed body"),
    /** Target: a response that echoes none of the recent pokes' nonces, or one already answered. */
    UNKNOWN_NONCE("unknown nonce"),
    /** Host: an authentic control message a target does not send (a response). */
    UNEXPECTED_CONTROL("unexpected control message"),
    /** Host: a datagram from a source other than the session's target, over that source's rate limit (before crypto). */
    RATE_LIMITED("source over its rate limit");

    private final String description;

    DropReason(RejectReason reason) {
        this(reason.description());
    }

    DropReason(String description) {
        this.description = description;
    }

    /** Short lower-case words for logs and {@code .kdstats}. */
    public String description() {
        return description;
    }

    /** The drop reason for a datagram the crypto layer rejected: the constant of the same name. */
    public static DropReason of(RejectReason reason) {
        return valueOf(reason.name());
    }
}
