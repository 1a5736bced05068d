package dev.kdnet.protocol.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/** The records of a classic pcap file, after its 4-byte magic: either byte order, micro- or nanosecond stamps. */
final class PcapFrames implements FrameSource {
    private static final int FILE_HEADER_REST = 20;
    private static final int LINK_TYPE_OFFSET = 16;
    private static final int LINK_TYPE_MASK = 0x0FFFFFFF;
    private static final int RECORD_HEADER = 16;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;

    private final CaptureInput in;
    private final ByteOrder order;
    private final boolean nanos;
    private final int linkType;

    private PcapFrames(CaptureInput in, ByteOrder order, boolean nanos, int linkType) {
        this.in = in;
        this.order = order;
        this.nanos = nanos;
        this.linkType = linkType;
    }

    /** Reads the rest of the file header. */
    static PcapFrames open(CaptureInput in, ByteOrder order, boolean nanos) throws IOException {
        ByteBuffer header = in.exactly(FILE_HEADER_REST, "pcap file header").order(order);
        return new PcapFrames(in, order, nanos, header.getInt(LINK_TYPE_OFFSET) & LINK_TYPE_MASK);
    }

    @Override
    public Optional<CapturedFrame> next(long number) throws IOException {
        byte[] recordHeader = new byte[RECORD_HEADER];
        if (!in.nextHeader(recordHeader, "pcap record header " + number)) {
            return Optional.empty();
        }
        ByteBuffer rh = ByteBuffer.wrap(recordHeader).order(order);
        long seconds = Integer.toUnsignedLong(rh.getInt());
        long fraction = Integer.toUnsignedLong(rh.getInt());
        int capturedLength = rh.getInt();
        if (capturedLength < 0 || capturedLength > CaptureReader.MAX_RECORD) {
            throw new CaptureFormatException("pcap record " + number + " claims " + capturedLength + " bytes");
        }
        byte[] bytes = in.exactly(capturedLength, "pcap record " + number).array();
        long stamp = seconds * NANOS_PER_SECOND + (nanos ? fraction : fraction * NANOS_PER_MICRO);
        return Optional.of(new CapturedFrame(number, stamp, linkType, bytes));
    }
}
