package dev.kdnet.host.relay;

import java.time.Duration;

/**
 * What the relay does with one datagram.
 *
 * @param drop       the datagram is not forwarded; every other field is then false, zero or -1
 * @param duplicate  it is sent twice
 * @param holdBack   it waits until the next datagram of the same direction has been sent (or a time limit)
 * @param delay      how long it waits before it is sent
 * @param corruptBit the bit flipped (bit {@code i % 8} of byte {@code i / 8}), or -1 for none
 */
public record Verdict(boolean drop, boolean duplicate, boolean holdBack, Duration delay, int corruptBit) {
    /** The verdict for a dropped datagram. */
    public static final Verdict DROP = new Verdict(true, false, false, Duration.ZERO, -1);

    /** True if a bit is flipped. */
    public boolean corrupts() {
        return corruptBit >= 0;
    }

    /** A copy of {@code datagram} with {@link #corruptBit} flipped, or {@code datagram} itself if none is. */
    public byte[] apply(byte[] datagram) {
        if (!corrupts()) {
            return datagram;
        }
        byte[] copy = datagram.clone();
        copy[corruptBit / 8] ^= (byte) (1 << (corruptBit % 8));
        return copy;
    }
}
