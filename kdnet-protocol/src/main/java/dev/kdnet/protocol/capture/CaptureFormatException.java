package dev.kdnet.protocol.capture;

import java.io.IOException;

/** A capture file is not pcap or pcapng, or is damaged; the message says where. */
public final class CaptureFormatException extends IOException {
    CaptureFormatException(String message) {
        super(message);
    }
}
