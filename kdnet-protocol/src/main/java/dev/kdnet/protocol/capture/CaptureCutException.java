package dev.kdnet.protocol.capture;

/** A capture file ends in the middle of a header or record; the message names which. */
final class CaptureCutException extends CaptureFormatException {
    CaptureCutException(String message) {
        super(message);
    }
}
