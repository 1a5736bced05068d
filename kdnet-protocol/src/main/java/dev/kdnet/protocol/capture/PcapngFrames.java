package dev.kdnet.protocol.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blocks of a pcapng file, after the type of its first section header: section headers, interface
 * descriptions, enhanced and simple packet blocks; other blocks are skipped.
 */
final class PcapngFrames implements FrameSource {
    /** The block type of a section header, the same in both byte orders. */
    static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;
    private static final int OPTION_END = 0;
    private static final int OPTION_TSRESOL = 9;
    private static final int BLOCK_HEADER = 8;
    /** Type, length and the trailing copy of the length: the smallest block, and what a body holds besides. */
    private static final int BLOCK_OVERHEAD = 12;
    /** Type, length and byte-order magic: what is read of a section header before its length is known. */
    private static final int SECTION_HEADER_START = 12;
    private static final int MIN_SECTION_HEADER = 28;
    private static final int ENHANCED_PACKET_HEADER = 20;
    private static final int SIMPLE_PACKET_OVERHEAD = 16;
    private static final long DEFAULT_TICKS_PER_SECOND = 1_000_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** What an interface description says: the link type of its frames and the resolution of their stamps. */
    private record Interface(int linkType, long ticksPerSecond) {
    }

    private final CaptureInput in;
    private final List<Interface> interfaces = new ArrayList<>();
    private ByteOrder order;

    private PcapngFrames(CaptureInput in) {
        this.in = in;
    }

    /** Reads the rest of the first section header. */
    static PcapngFrames open(CaptureInput in) throws IOException {
        PcapngFrames frames = new PcapngFrames(in);
        frames.readSectionBody(in.exactly(4, "pcapng section header"));
        return frames;
    }

    @Override
    public Optional<CapturedFrame> next(long number) throws IOException {
        while (true) {
            byte[] head = new byte[BLOCK_HEADER];
            if (!in.nextHeader(head, "pcapng block header")) {
                return Optional.empty();
            }
            if (ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN).getInt() == SECTION_HEADER) {
                readSectionBody(ByteBuffer.wrap(head, 4, 4));
                continue;
            }
            ByteBuffer hb = ByteBuffer.wrap(head).order(order);
            int type = hb.getInt();
            int total = hb.getInt();
            if (total < BLOCK_OVERHEAD || total % 4 != 0 || total > CaptureReader.MAX_RECORD) {
                throw new CaptureFormatException("pcapng block of type " + type + " has length " + total);
            }
            ByteBuffer body = in.exactly(total - BLOCK_HEADER, "pcapng block")
                    .order(order);
            switch (type) {
                case INTERFACE_DESCRIPTION -> interfaces.add(interfaceDescription(body, total));
                case ENHANCED_PACKET -> {
                    return Optional.of(enhancedPacket(body, number));
                }
                case SIMPLE_PACKET -> {
                    return Optional.of(simplePacket(body, total, number));
                }
                default -> {
                    // other block types (name resolution, statistics, …) carry no frames
                }
            }
        }
    }

    private void readSectionBody(ByteBuffer lengthBytes) throws IOException {
        ByteBuffer bom = in.exactly(4, "pcapng byte-order magic");
        order = bom.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == BYTE_ORDER_MAGIC
                ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        if (bom.order(order).getInt(0) != BYTE_ORDER_MAGIC) {
            throw new CaptureFormatException("pcapng section header has no byte-order magic");
        }
        int total = lengthBytes.order(order).getInt(lengthBytes.position());
        if (total < MIN_SECTION_HEADER || total % 4 != 0 || total > CaptureReader.MAX_RECORD) {
            throw new CaptureFormatException("pcapng section header has length " + total);
        }
        in.exactly(total - SECTION_HEADER_START, "pcapng section header");
        interfaces.clear();
    }

    private static Interface interfaceDescription(ByteBuffer body, int total) {
        int linkType = body.getShort(0) & 0xFFFF;
        long ticksPerSecond = DEFAULT_TICKS_PER_SECOND;
        int pos = 8;
        int end = total - BLOCK_OVERHEAD;
        while (pos + 4 <= end) {
            int code = body.getShort(pos) & 0xFFFF;
            int length = body.getShort(pos + 2) & 0xFFFF;
            if (code == OPTION_END) {
                break;
            }
            if (code == OPTION_TSRESOL && length >= 1 && pos + 4 < end) {
                int resolution = body.get(pos + 4) & 0xFF;
                int exponent = resolution & 0x7F;
                ticksPerSecond = (resolution & 0x80) != 0 ? 1L << Math.min(exponent, 62)
                        : (long) Math.pow(10, Math.min(exponent, 18));
            }
            pos += 4 + ((length + 3) & ~3);
        }
        return new Interface(linkType, ticksPerSecond);
    }

    private CapturedFrame enhancedPacket(ByteBuffer body, long number) throws CaptureFormatException {
        Interface described = interfaceFor(body.getInt(0), number);
        long ticks = (Integer.toUnsignedLong(body.getInt(4)) << 32) | Integer.toUnsignedLong(body.getInt(8));
        int capturedLength = body.getInt(12);
        if (capturedLength < 0 || ENHANCED_PACKET_HEADER + capturedLength > body.capacity()) {
            throw new CaptureFormatException("frame " + number + " claims " + capturedLength + " captured bytes");
        }
        byte[] data = new byte[capturedLength];
        body.get(ENHANCED_PACKET_HEADER, data);
        return new CapturedFrame(number, toNanos(ticks, described.ticksPerSecond()), described.linkType(), data);
    }

    private CapturedFrame simplePacket(ByteBuffer body, int total, long number) throws CaptureFormatException {
        Interface described = interfaceFor(0, number);
        int originalLength = body.getInt(0);
        int available = total - SIMPLE_PACKET_OVERHEAD;
        byte[] data = new byte[Math.max(0, Math.min(originalLength, available))];
        body.get(4, data);
        return new CapturedFrame(number, 0, described.linkType(), data);
    }

    private Interface interfaceFor(int id, long number) throws CaptureFormatException {
        if (id < 0 || id >= interfaces.size()) {
            throw new CaptureFormatException("frame " + number + " names interface " + id + " which is not described");
        }
        return interfaces.get(id);
    }

    private static long toNanos(long ticks, long ticksPerSecond) {
        long seconds = Long.divideUnsigned(ticks, ticksPerSecond);
        long remainder = Long.remainderUnsigned(ticks, ticksPerSecond);
        long fraction = ticksPerSecond <= NANOS_PER_SECOND ? remainder * NANOS_PER_SECOND / ticksPerSecond
                : (long) (remainder * ((double) NANOS_PER_SECOND / ticksPerSecond));
        return seconds * NANOS_PER_SECOND + fraction;
    }
}
