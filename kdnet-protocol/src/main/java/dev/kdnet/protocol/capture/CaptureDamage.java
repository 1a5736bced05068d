package dev.kdnet.protocol.capture;

import java.util.Objects;

/**
 * Where and how a capture file stops being readable after its header: every frame before it was read.
 *
 * @param framesBefore how many frames were read before the damage
 * @param cut          the file ends early (cut in the middle of a record, or a gzip stream without its end);
 *                     false: the file goes on with bytes that are not a record
 * @param detail       what was found, e.g. {@code truncated pcap record 501}
 */
public record CaptureDamage(long framesBefore, boolean cut, String detail) {
    public CaptureDamage {
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for a user: where the capture stops, why, and that the frames before it are good. */
    public String line() {
        return (cut ? "capture cut after frame " : "capture damaged after frame ") + framesBefore + " (" + detail
                + "): the frames before it are decoded, the rest of the file is "
                + (cut ? "missing" : "not read");
    }
}
