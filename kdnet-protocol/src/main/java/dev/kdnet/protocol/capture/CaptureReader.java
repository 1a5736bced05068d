package dev.kdnet.protocol.capture;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads classic pcap (either byte order, micro- or nanosecond stamps) and pcapng (section header, interface
 * description, enhanced and simple packet blocks; other blocks skipped) files, gzip-compressed or not.
 */
public final class CaptureReader {
    private static final int PCAP_MAGIC_MICROS = 0xA1B2C3D4;
    private static final int PCAP_MAGIC_NANOS = 0xA1B23C4D;
    private static final int PCAPNG_SECTION_HEADER = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int PCAPNG_INTERFACE_DESCRIPTION = 1;
    private static final int PCAPNG_SIMPLE_PACKET = 3;
    private static final int PCAPNG_ENHANCED_PACKET = 6;
    private static final int PCAPNG_OPTION_TSRESOL = 9;
    private static final int MAX_BLOCK = 64 * 1024 * 1024;

    private CaptureReader() {
    }

    /** Reads every frame of a capture file. */
    public static List<CapturedFrame> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads every frame of a capture from a stream (gzip detected by its magic bytes). */
    public static List<CapturedFrame> read(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream in = (b0 == 0x1F && b1 == 0x8B) ? new BufferedInputStream(new GZIPInputStream(buffered)) : buffered;
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[4];
        try {
            data.readFully(magic);
        } catch (EOFException e) {
            throw new CaptureFormatException("file is shorter than a capture header");
        }
        int bigEndian = ByteBuffer.wrap(magic).order(ByteOrder.BIG_ENDIAN).getInt();
        int littleEndian = ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (bigEndian == PCAPNG_SECTION_HEADER) {
            return readPcapng(data);
        }
        if (bigEndian == PCAP_MAGIC_MICROS || bigEndian == PCAP_MAGIC_NANOS) {
            return readPcap(data, ByteOrder.BIG_ENDIAN, bigEndian == PCAP_MAGIC_NANOS);
        }
        if (littleEndian == PCAP_MAGIC_MICROS || littleEndian == PCAP_MAGIC_NANOS) {
            return readPcap(data, ByteOrder.LITTLE_ENDIAN, littleEndian == PCAP_MAGIC_NANOS);
        }
        throw new CaptureFormatException(String.format("not a pcap or pcapng file (magic %02x%02x%02x%02x)",
                magic[0], magic[1], magic[2], magic[3]));
    }

    private static List<CapturedFrame> readPcap(DataInputStream in, ByteOrder order, boolean nanos)
            throws IOException {
        ByteBuffer header = readExactly(in, 20, "pcap file header").order(order);
        header.position(16);
        int linkType = header.getInt() & 0x0FFFFFFF;
        List<CapturedFrame> frames = new ArrayList<>();
        while (true) {
            byte[] recordHeader = new byte[16];
            int n = in.readNBytes(recordHeader, 0, 16);
            if (n == 0) {
                return frames;
            }
            if (n < 16) {
                throw new CaptureFormatException("truncated pcap record header after frame " + frames.size());
            }
            ByteBuffer rh = ByteBuffer.wrap(recordHeader).order(order);
            long seconds = Integer.toUnsignedLong(rh.getInt());
            long fraction = Integer.toUnsignedLong(rh.getInt());
            int capturedLength = rh.getInt();
            if (capturedLength < 0 || capturedLength > MAX_BLOCK) {
                throw new CaptureFormatException("pcap record " + (frames.size() + 1) + " claims " + capturedLength
                        + " bytes");
            }
            byte[] bytes = readExactly(in, capturedLength, "pcap record " + (frames.size() + 1)).array();
            long stamp = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000);
            frames.add(new CapturedFrame(frames.size() + 1, stamp, linkType, bytes));
        }
    }

    private static List<CapturedFrame> readPcapng(DataInputStream in) throws IOException {
        List<CapturedFrame> frames = new ArrayList<>();
        List<long[]> interfaces = new ArrayList<>();
        ByteOrder order = readSectionHeaderRest(in, interfaces);
        while (true) {
            byte[] head = new byte[8];
            int n = in.readNBytes(head, 0, 8);
            if (n == 0) {
                return frames;
            }
            if (n < 8) {
                throw new CaptureFormatException("truncated pcapng block header after frame " + frames.size());
            }
            int typeBigEndian = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt();
            if (typeBigEndian == PCAPNG_SECTION_HEADER) {
                interfaces.clear();
                order = readSectionBody(in, ByteBuffer.wrap(head, 4, 4), interfaces);
                continue;
            }
            ByteBuffer hb = ByteBuffer.wrap(head).order(order);
            int type = hb.getInt();
            int total = hb.getInt();
            if (total < 12 || total % 4 != 0 || total > MAX_BLOCK) {
                throw new CaptureFormatException("pcapng block of type " + type + " has length " + total);
            }
            ByteBuffer body = readExactly(in, total - 8, "pcapng block").order(order);
            switch (type) {
                case PCAPNG_INTERFACE_DESCRIPTION -> interfaces.add(interfaceDescription(body, total));
                case PCAPNG_ENHANCED_PACKET -> frames.add(enhancedPacket(body, interfaces, frames.size() + 1));
                case PCAPNG_SIMPLE_PACKET -> frames.add(simplePacket(body, total, interfaces, frames.size() + 1));
                default -> {
                    // other block types (name resolution, statistics, …) carry no frames
                }
            }
        }
    }

    private static ByteOrder readSectionHeaderRest(DataInputStream in, List<long[]> interfaces) throws IOException {
        return readSectionBody(in, readExactly(in, 4, "pcapng section header"), interfaces);
    }

    private static ByteOrder readSectionBody(DataInputStream in, ByteBuffer lengthBytes, List<long[]> interfaces)
            throws IOException {
        ByteBuffer bom = readExactly(in, 4, "pcapng byte-order magic");
        ByteOrder order = bom.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == PCAPNG_BYTE_ORDER_MAGIC
                ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        if (bom.order(order).getInt(0) != PCAPNG_BYTE_ORDER_MAGIC) {
            throw new CaptureFormatException("pcapng section header has no byte-order magic");
        }
        int total = lengthBytes.order(order).getInt(lengthBytes.position());
        if (total < 28 || total % 4 != 0 || total > MAX_BLOCK) {
            throw new CaptureFormatException("pcapng section header has length " + total);
        }
        readExactly(in, total - 12, "pcapng section header");
        interfaces.clear();
        return order;
    }

    /** Returns {linkType, ticks per second}. */
    private static long[] interfaceDescription(ByteBuffer body, int total) {
        int linkType = body.getShort(0) & 0xFFFF;
        long ticksPerSecond = 1_000_000;
        int pos = 8;
        int end = total - 12;
        while (pos + 4 <= end) {
            int code = body.getShort(pos) & 0xFFFF;
            int length = body.getShort(pos + 2) & 0xFFFF;
            if (code == 0) {
                break;
            }
            if (code == PCAPNG_OPTION_TSRESOL && length >= 1 && pos + 4 < end) {
                int resolution = body.get(pos + 4) & 0xFF;
                int exponent = resolution & 0x7F;
                ticksPerSecond = (resolution & 0x80) != 0 ? 1L << Math.min(exponent, 62)
                        : (long) Math.pow(10, Math.min(exponent, 18));
            }
            pos += 4 + ((length + 3) & ~3);
        }
        return new long[] {linkType, ticksPerSecond};
    }

    private static CapturedFrame enhancedPacket(ByteBuffer body, List<long[]> interfaces, long number)
            throws CaptureFormatException {
        int interfaceId = body.getInt(0);
        long[] description = interfaceFor(interfaces, interfaceId, number);
        long ticks = (Integer.toUnsignedLong(body.getInt(4)) << 32) | Integer.toUnsignedLong(body.getInt(8));
        int capturedLength = body.getInt(12);
        if (capturedLength < 0 || 20 + capturedLength > body.capacity()) {
            throw new CaptureFormatException("frame " + number + " claims " + capturedLength + " captured bytes");
        }
        byte[] data = new byte[capturedLength];
        body.get(20, data);
        return new CapturedFrame(number, toNanos(ticks, description[1]), (int) description[0], data);
    }

    private static CapturedFrame simplePacket(ByteBuffer body, int total, List<long[]> interfaces, long number)
            throws CaptureFormatException {
        long[] description = interfaceFor(interfaces, 0, number);
        int originalLength = body.getInt(0);
        int available = total - 16;
        int length = Math.max(0, Math.min(originalLength, available));
        byte[] data = new byte[length];
        body.get(4, data);
        return new CapturedFrame(number, 0, (int) description[0], data);
    }

    private static long[] interfaceFor(List<long[]> interfaces, int id, long number) throws CaptureFormatException {
        if (id < 0 || id >= interfaces.size()) {
            throw new CaptureFormatException("frame " + number + " names interface " + id + " which is not described");
        }
        return interfaces.get(id);
    }

    private static long toNanos(long ticks, long ticksPerSecond) {
        long seconds = Long.divideUnsigned(ticks, ticksPerSecond);
        long remainder = Long.remainderUnsigned(ticks, ticksPerSecond);
        long fraction = ticksPerSecond <= 1_000_000_000L ? remainder * 1_000_000_000L / ticksPerSecond
                : (long) (remainder * (1e9 / ticksPerSecond));
        return seconds * 1_000_000_000L + fraction;
    }

    private static ByteBuffer readExactly(DataInputStream in, int length, String what) throws IOException {
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new CaptureFormatException("truncated " + what);
        }
        return ByteBuffer.wrap(bytes);
    }
}
