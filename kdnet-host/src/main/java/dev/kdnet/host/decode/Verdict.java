package dev.kdnet.host.decode;

/** What decoding made of one captured frame; every frame gets exactly one verdict. */
public enum Verdict {
    /** The HMAC matched and the body decoded. */
    VERIFIED("verified"),
    /** A well-formed KDNET datagram whose HMAC does not match the key (wrong key, damaged or forged). */
    BAD_HMAC("bad HMAC"),
    /** A data-channel datagram seen before any verified control response gave a data key. */
    NO_DATA_KEY("no data key"),
    /**
     * Starts with {@code MDBG} but cannot be a KDNET datagram (too short or over 4054 bytes, not whole AES blocks,
     * unknown channel), or verified but with bad padding or a body that does not decode.
     */
    MALFORMED("malformed"),
    /** No IPv4/UDP datagram in the frame, or a UDP payload that does not start with {@code MDBG}. */
    NOT_KDNET("not KDNET");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The words the summary line and the JSON output use, e.g. {@code bad HMAC}. */
    public String label() {
        return label;
    }
}
