package dev.kdnet.protocol.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads classic pcap (either byte order, micro- or nanosecond stamps) and pcapng (section header, interface
 * description, enhanced and simple packet blocks; other blocks skipped) files, gzip-compressed or not. A file whose
 * header is not a capture's is refused; a file damaged after its header gives every frame before the damage.
 */
public final class CaptureReader {
    /** The largest record or block accepted; larger claims are damage. */
    static final int MAX_RECORD = 64 * 1024 * 1024;
    private static final int PCAP_MAGIC_MICROS = 0xA1B2C3D4;
    private static final int PCAP_MAGIC_NANOS = 0xA1B23C4D;
    private static final int GZIP_MAGIC_0 = 0x1F;
    private static final int GZIP_MAGIC_1 = 0x8B;

    private CaptureReader() {
    }

    /**
     * Reads every frame of a capture file.
     *
     * @throws CaptureFormatException not a capture, or damaged anywhere
     */
    public static List<CapturedFrame> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Reads every frame of a capture from a stream (gzip detected by its magic bytes).
     *
     * @throws CaptureFormatException not a capture, or damaged anywhere
     */
    public static List<CapturedFrame> read(InputStream raw) throws IOException {
        Capture capture = readUntilDamage(raw);
        if (capture.damage().isPresent()) {
            throw new CaptureFormatException(capture.damage().get().detail());
        }
        return capture.frames();
    }

    /**
     * Reads the frames of a capture file up to its end or to the damage that stops it.
     *
     * @throws CaptureFormatException the file does not start as a capture
     */
    public static Capture readUntilDamage(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readUntilDamage(in);
        }
    }

    /**
     * Reads the frames of a capture from a stream (gzip detected by its magic bytes) up to its end or to the damage
     * that stops it.
     *
     * @throws CaptureFormatException the stream does not start as a capture
     */
    public static Capture readUntilDamage(InputStream raw) throws IOException {
        FrameSource source = open(new CaptureInput(decompressed(raw)));
        List<CapturedFrame> frames = new ArrayList<>();
        try {
            for (Optional<CapturedFrame> frame = source.next(1); frame.isPresent();
                    frame = source.next(frames.size() + 1)) {
                frames.add(frame.get());
            }
            return new Capture(frames, Optional.empty());
        } catch (CaptureCutException e) {
            return damaged(frames, true, e.getMessage());
        } catch (CaptureFormatException e) {
            return damaged(frames, false, e.getMessage());
        } catch (ZipException e) {
            return damaged(frames, false, "damaged gzip data: " + e.getMessage());
        }
    }

    private static Capture damaged(List<CapturedFrame> frames, boolean cut, String detail) {
        return new Capture(frames, Optional.of(new CaptureDamage(frames.size(), cut, detail)));
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        return b0 == GZIP_MAGIC_0 && b1 == GZIP_MAGIC_1
                ? new BufferedInputStream(new GZIPInputStream(buffered)) : buffered;
    }

    private static FrameSource open(CaptureInput in) throws IOException {
        byte[] magic;
        try {
            magic = in.exactly(4, "capture header").array();
        } catch (CaptureCutException e) {
            throw new CaptureFormatException("file is shorter than a capture header");
        }
        int bigEndian = ByteBuffer.wrap(magic).order(ByteOrder.BIG_ENDIAN).getInt();
        int littleEndian = ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (bigEndian == PcapngFrames.SECTION_HEADER) {
            return PcapngFrames.open(in);
        }
        if (bigEndian == PCAP_MAGIC_MICROS || bigEndian == PCAP_MAGIC_NANOS) {
            return PcapFrames.open(in, ByteOrder.BIG_ENDIAN, bigEndian == PCAP_MAGIC_NANOS);
        }
        if (littleEndian == PCAP_MAGIC_MICROS || littleEndian == PCAP_MAGIC_NANOS) {
            return PcapFrames.open(in, ByteOrder.LITTLE_ENDIAN, littleEndian == PCAP_MAGIC_NANOS);
        }
        throw new CaptureFormatException(String.format("not a pcap or pcapng file (magic %02x%02x%02x%02x)",
                magic[0], magic[1], magic[2], magic[3]));
    }
}
