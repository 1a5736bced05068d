package dev.kdnet.target.nic;

import dev.kdnet.protocol.datagram.RejectReason;

/** Why the agent dropped an incoming datagram; every drop is counted under one of these. */
public enum DropReason {
    /** Longer than the largest KDNET datagram, or cut short by the receive buffer; checked before anything else. */
    OVERSIZED(RejectReason.OVERSIZED.description()),
    /** The first four bytes are not {@code MDBG}. */
    BAD_MAGIC(RejectReason.BAD_MAGIC.description()),
    /** Too short, or the ciphertext is not a whole number of AES blocks. */
    BAD_LENGTH(RejectReason.BAD_LENGTH.description()),
    /** The channel byte is neither data nor control. */
    UNKNOWN_CHANNEL(RejectReason.UNKNOWN_CHANNEL.description()),
    /** A data datagram arrived while no host's response has keyed the data channel. */
    NO_DATA_KEY(RejectReason.NO_DATA_KEY.description()),
    /** The HMAC does not match: another key, corruption or forgery. */
    HMAC_MISMATCH(RejectReason.HMAC_MISMATCH.description()),
    /** Authentic, but its pad is not 0..15 zero bytes. */
    BAD_PADDING(RejectReason.BAD_PADDING.description()),
    /** Authentic, but sent target to host (a reflection of our own traffic or another target's). */
    WRONG_DIRECTION(RejectReason.WRONG_DIRECTION.description()),
    /** An authentic data datagram whose sequence number does not exceed the last accepted one (replay, stale). */
    STALE_SEQUENCE("stale sequence"),
    /** A response that echoes none of the recent pokes' nonces, or one already answered. */
    UNKNOWN_NONCE("unknown nonce"),
    /** Authentic, but the body is no control message or KD body a target accepts. */
    MALFORMED_BODY("malformed body"),
    /** An authentic data datagram from another address than the host the session is bound to. */
    WRONG_SOURCE("wrong source");

    private final String description;

    DropReason(String description) {
        this.description = description;
    }

    /** Short lower-case description for logs. */
    public String description() {
        return description;
    }

    /** The drop reason for a datagram that failed to open: the constant of the same name. */
    public static DropReason of(RejectReason reason) {
        return valueOf(reason.name());
    }
}
