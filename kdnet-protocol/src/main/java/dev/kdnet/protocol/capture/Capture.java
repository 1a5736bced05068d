package dev.kdnet.protocol.capture;

import java.util.List;
import java.util.Optional;

/**
 * What a capture file holds: its frames in file order, up to any damage that stopped the reading.
 *
 * @param frames the frames read, numbered from 1
 * @param damage where the file stopped being readable, or empty when it was read to its end
 */
public record Capture(List<CapturedFrame> frames, Optional<CaptureDamage> damage) {
    public Capture {
        frames = List.copyOf(frames);
    }
}
