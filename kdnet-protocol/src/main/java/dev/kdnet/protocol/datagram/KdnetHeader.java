package dev.kdnet.protocol.datagram;

/**
 * The 8-byte big-endian header at the start of every plaintext: bits 63..8 sequence number, bit 7 direction,
 * bits 6..0 pad length (kdnet-wire §1).
 */
public final class KdnetHeader {
    /** Length of the header in bytes. */
    public static final int LENGTH = 8;

    private KdnetHeader() {
    }

    /** Packs sequence, direction and pad length into the header value. */
    public static long pack(long sequence, Direction direction, int padLength) {
        return sequence << 8 | (long) direction.bit() << 7 | padLength;
    }

    /** The sequence number of a header value. */
    public static long sequence(long header) {
        return header >>> 8;
    }

    /** The direction of a header value. */
    public static Direction direction(long header) {
        return (header & 0x80) != 0 ? Direction.HOST_TO_TARGET : Direction.TARGET_TO_HOST;
    }

    /** The pad-length field (bits 6..0) of a header value. */
    public static int padLength(long header) {
        return (int) (header & 0x7F);
    }
}
