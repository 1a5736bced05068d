package dev.kdnet.protocol.capture;

import java.io.IOException;
import java.util.Optional;

/** The records of one capture format, read one frame at a time after the file header. */
interface FrameSource {
    /**
     * The next frame, given its 1-based {@code number}; empty at the clean end of the file.
     *
     * @throws CaptureCutException    the file ends inside a record
     * @throws CaptureFormatException a record that cannot be one
     */
    Optional<CapturedFrame> next(long number) throws IOException;
}
