package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;

/**
 * The PE image checksum (the optional header's CheckSum): the file summed as little-endian 16-bit words with the
 * carries folded back in, skipping the CheckSum field itself, plus the file length.
 */
final class PeChecksum {
    private PeChecksum() {
    }

    /**
     * The checksum of a file of {@code fileLength} bytes that starts with {@code start} and is zero after it
     * (zero words add nothing, so a mostly empty image need not exist as an array).
     */
    static int compute(byte[] start, long fileLength) {
        if (fileLength < start.length) {
            throw new IllegalArgumentException("the file is shorter than its start");
        }
        long sum = 0;
        for (int i = 0; i < start.length; i += 2) {
            if (i == PeImageHeaders.CHECKSUM || i == PeImageHeaders.CHECKSUM + 2) {
                continue;
            }
            int word = (start[i] & 0xFF) | (i + 1 < start.length ? (start[i + 1] & 0xFF) << 8 : 0);
            sum += word;
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) (sum + fileLength);
    }

    /** Computes the checksum as {@link #compute} does, stores it in the headers at the start and returns it. */
    static int seal(byte[] start, long fileLength) {
        int checksum = compute(start, fileLength);
        WireBytes.wrap(start).putInt(PeImageHeaders.CHECKSUM, checksum);
        return checksum;
    }
}
