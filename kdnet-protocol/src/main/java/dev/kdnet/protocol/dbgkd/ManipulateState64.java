package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A KD_STATE_MANIPULATE payload: the 56-byte DBGKD_MANIPULATE_STATE64 header and the API's extra data
 * (kd-protocol §3.1):
 *
 * <pre>
 *   0x00  4  ApiNumber         0x0C  4  alignment padding (garbage in requests, echoed)
 *   0x04  2  ProcessorLevel    0x10 40  per-API union, kept as raw bytes; read it through a {@link UnionView}
 *   0x06  2  Processor         0x38  …  extra data (memory bytes, CONTEXT, pattern, …)
 *   0x08  4  ReturnStatus
 * </pre>
 *
 * <p>Every byte is kept, so {@code decode(bytes).encode()} gives {@code bytes} back for any payload of 56 bytes
 * or more. A target answers with {@link #reply}, which implements the echo rule of §3.1. Union and data are
 * read-only views of the bytes decoded (for a reply off the network: of the datagram's plaintext), not copies.
 *
 * @param api            the ApiNumber
 * @param processorLevel CPU family in target replies; garbage in WinDbg requests (u16)
 * @param processor      the CPU a request is for (u16)
 * @param returnStatus   NTSTATUS of a reply ({@link NtStatus}); {@link NtStatus#PENDING} or garbage in requests
 * @param padding        the 4 alignment bytes at 0x0C as a little-endian int
 * @param union          the 40-byte union (a read-only view of the remaining bytes given, not copied)
 * @param data           the extra data after the header (a read-only view of the remaining bytes given, not
 *                       copied)
 */
public record ManipulateState64(ManipulateApi api, int processorLevel, int processor, int returnStatus, int padding,
        ByteBuffer union, ByteBuffer data) {
    /** Length of the header, union included. */
    public static final int HEADER_LENGTH = 0x38;
    /** Length of the per-API union. */
    public static final int UNION_LENGTH = 40;
    private static final int UNION_OFFSET = 0x10;

    /** Checks the field widths; IllegalArgumentException unless the union is 40 bytes. */
    public ManipulateState64 {
        Objects.requireNonNull(api, "api");
        WireBytes.requireFits(processorLevel, 2, "processor level");
        WireBytes.requireFits(processor, 2, "processor");
        union = requireUnion(union);
        data = WireBytes.view(data);
    }

    /**
     * A request as a host builds it: ProcessorLevel 0, ReturnStatus {@link NtStatus#PENDING} (as WinDbg sends),
     * zero padding, {@code fields} written into a zero union; {@code data} is not copied.
     */
    public static ManipulateState64 request(ManipulateApi api, int processor, UnionView fields, byte[] data) {
        return new ManipulateState64(api, 0, processor, NtStatus.PENDING, 0,
                fields.writeInto(WireBytes.allocate(UNION_LENGTH)), WireBytes.view(data));
    }

    /** A request as {@link #request(ManipulateApi, int, UnionView, byte[])} builds it, with a zero union, no data. */
    public static ManipulateState64 request(ManipulateApi api, int processor) {
        return new ManipulateState64(api, 0, processor, NtStatus.PENDING, 0, WireBytes.allocate(UNION_LENGTH),
                WireBytes.empty());
    }

    /**
     * Decodes the remaining bytes of {@code payload} (its position is left alone); malformed (never thrown) if
     * they are shorter than the 56-byte header. Union and data are views of {@code payload}.
     */
    public static Decoded<ManipulateState64> decode(ByteBuffer payload) {
        ByteBuffer in = WireBytes.view(payload);
        if (in.remaining() < HEADER_LENGTH) {
            return Decoded.malformed(
                    "manipulate payload of " + in.remaining() + " bytes; expected at least " + HEADER_LENGTH);
        }
        return Decoded.ok(new ManipulateState64(ManipulateApi.valueOf(in.getInt(0)), WireBytes.u16(in, 4),
                WireBytes.u16(in, 6), in.getInt(8), in.getInt(0x0C), WireBytes.view(in, UNION_OFFSET, UNION_LENGTH),
                WireBytes.viewFrom(in, HEADER_LENGTH)));
    }

    /** The payload bytes: header, union, data. */
    public byte[] encode() {
        int dataLength = data.remaining();
        return WireBytes.allocate(HEADER_LENGTH + dataLength).putInt(0, api.number())
                .putShort(4, (short) processorLevel).putShort(6, (short) processor).putInt(8, returnStatus)
                .putInt(0x0C, padding).put(UNION_OFFSET, union, 0, UNION_LENGTH)
                .put(HEADER_LENGTH, data, 0, dataLength).array();
    }

    /**
     * The reply to this request (§3.1): every header byte echoed — ApiNumber, ProcessorLevel, Processor, padding
     * and the union — except ReturnStatus and the API's output fields, which {@code output} writes into a copy of
     * this request's union; {@code data} (not copied) becomes the reply data.
     */
    public ManipulateState64 reply(int returnStatus, UnionView output, byte[] data) {
        return reply(returnStatus, output.writeInto(union), data);
    }

    /**
     * The reply to this request with the given union: the other header fields are echoed. Prefer {@link
     * #reply(int, UnionView, byte[])}, which keeps the union bytes the API does not write.
     */
    public ManipulateState64 reply(int returnStatus, ByteBuffer union, byte[] data) {
        return new ManipulateState64(api, processorLevel, processor, returnStatus, padding, union,
                WireBytes.view(data));
    }

    /** The reply that only sets ReturnStatus: the whole header echoed, no data (e.g. an unsupported API). */
    public ManipulateState64 reply(int returnStatus) {
        return new ManipulateState64(api, processorLevel, processor, returnStatus, padding, union, WireBytes.empty());
    }

    /** This payload with another union (40 bytes). */
    public ManipulateState64 withUnion(ByteBuffer union) {
        return new ManipulateState64(api, processorLevel, processor, returnStatus, padding, union, data);
    }

    /** A read-only view of the 40 bytes remaining in {@code union}; IllegalArgumentException for another length. */
    static ByteBuffer requireUnion(ByteBuffer union) {
        return WireBytes.view(WireBytes.requireLength(union, UNION_LENGTH, "manipulate union"));
    }

    /** A writable copy of the 40 bytes remaining in {@code union}, for a {@link UnionView} to write into. */
    static ByteBuffer unionCopy(ByteBuffer union) {
        return WireBytes.copy(WireBytes.requireLength(union, UNION_LENGTH, "manipulate union"));
    }

    /** A read-only view of the union, at position 0. */
    @Override
    public ByteBuffer union() {
        return union.duplicate().order(WireBytes.ORDER);
    }

    /** A read-only view of the extra data, at position 0 (its position and limit are the caller's to move). */
    @Override
    public ByteBuffer data() {
        return data.duplicate().order(WireBytes.ORDER);
    }

    /** Length of the extra data. */
    public int dataLength() {
        return data.remaining();
    }

    @Override
    public String toString() {
        return String.format("ManipulateState64[%s level=0x%x processor=%d status=0x%08x union=%s data=%d bytes]",
                api, processorLevel, processor, returnStatus, HexFormat.of().formatHex(WireBytes.toArray(union)),
                data.remaining());
    }
}
