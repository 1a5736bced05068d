package dev.kdnet.protocol.datagram;

/** Why an incoming datagram was dropped before anything in it was trusted. */
public enum RejectReason {
    /**
     * Longer than {@link DatagramCrypto#MAX_LENGTH}, the largest datagram a KDNET peer sends; also any datagram the
     * socket's receive buffer cut short. Checked first, before anything in it is read.
     */
    OVERSIZED("oversized"),
    /** The first four bytes are not {@code MDBG}. */
    BAD_MAGIC("bad magic"),
    /** Shorter than 38 bytes, or the ciphertext is not a whole number of AES blocks. */
    BAD_LENGTH("bad length"),
    /** The channel byte is neither data (0) nor control (1). */
    UNKNOWN_CHANNEL("unknown channel"),
    /** A data-channel datagram arrived before a data key was agreed. */
    NO_DATA_KEY("no data key yet"),
    /** The HMAC does not match: wrong key, corrupted or forged. */
    HMAC_MISMATCH("HMAC mismatch"),
    /** Authentic, but the pad length is over 15, longer than the plaintext, or the pad is not zero. */
    BAD_PADDING("bad padding"),
    /** Authentic, but the direction bit says it comes from our own side (a reflection). */
    WRONG_DIRECTION("wrong direction");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    /** Short lower-case description for logs and counters. */
    public String description() {
        return description;
    }
}
