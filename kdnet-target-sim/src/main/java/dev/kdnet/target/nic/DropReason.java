package dev.kdnet.target.nic;

import dev.kdnet.protocol.datagram.RejectReason;

/** Why the agent dropped an incoming datagram; every drop is counted under one of these. */
public enum DropReason {
    /** The first four bytes are not {@code MDBG}. */
    BAD_MAGIC("bad magic"),
    /** Too short, or the ciphertext is not a whole number of AES blocks. */
    BAD_LENGTH("bad length"),
    /** The channel byte is neither data nor control. */
    UNKNOWN_CHANNEL("unknown channel"),
    /** A data datagram arrived while no host's response has keyed the data channel. */
    NO_DATA_KEY("no data key"),
    /** The HMAC does not match: another key, corruption or forgery. */
    HMAC_MISMATCH("HMAC mismatch"),
    /** Authentic, but its pad is not 0..15 zero bytes. */
    BAD_PADDING("bad padding"),
    /** Authentic, but sent target to host (a reflection of our own traffic or another target's). */
    WRONG_DIRECTION("wrong direction"),
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

    /** The drop reason for a datagram that failed to open. */
    public static DropReason of(RejectReason reason) {
        return switch (reason) {
            case BAD_MAGIC -> BAD_MAGIC;
            case BAD_LENGTH -> BAD_LENGTH;
            case UNKNOWN_CHANNEL -> UNKNOWN_CHANNEL;
            case NO_DATA_KEY -> NO_DATA_KEY;
            case HMAC_MISMATCH -> HMAC_MISMATCH;
            case BAD_PADDING -> BAD_PADDING;
            case WRONG_DIRECTION -> WRONG_DIRECTION;
        };
    }
}
