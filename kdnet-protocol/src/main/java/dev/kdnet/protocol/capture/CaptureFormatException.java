package dev.kdnet.protocol.capture;

import java.io.IOException;

/** A capture file is not pcap or pcapng, or is damaged; the message says where. Subclassed for a file that is cut. */
public class CaptureFormatException extends IOException {
    CaptureFormatException(String message) {
        super(message);
    }
}
