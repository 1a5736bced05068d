package dev.kdnet.protocol.capture;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** The bytes of a capture file, read in whole headers and records; an early end is a {@link CaptureCutException}. */
final class CaptureInput {
    private final DataInputStream in;

    CaptureInput(InputStream in) {
        this.in = new DataInputStream(in);
    }

    /** Exactly {@code length} bytes of {@code what}. */
    ByteBuffer exactly(int length, String what) throws IOException {
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new CaptureCutException("truncated " + what);
        }
        return ByteBuffer.wrap(bytes);
    }

    /**
     * Fills {@code header} with the header of the next record; false when the file ends cleanly before it. A gzip
     * stream that ends without its trailer is cut, even between records.
     */
    boolean nextHeader(byte[] header, String what) throws IOException {
        int n;
        try {
            n = in.readNBytes(header, 0, header.length);
        } catch (EOFException e) {
            throw new CaptureCutException("truncated gzip stream at " + what);
        }
        if (n > 0 && n < header.length) {
            throw new CaptureCutException("truncated " + what);
        }
        return n == header.length;
    }
}
