package dev.kdnet.protocol.capture;

/**
 * One frame of a capture file as recorded: its 1-based number in the file, time stamp, link-layer type and bytes.
 *
 * @param number        1-based position in the capture (as Wireshark numbers frames)
 * @param timestampNanos time stamp, nanoseconds since the epoch
 * @param linkType      the pcap LINKTYPE of the interface it was captured on
 * @param data          the captured bytes (not copied: readers hand out fresh arrays)
 */
public record CapturedFrame(long number, long timestampNanos, int linkType, byte[] data) {
}
