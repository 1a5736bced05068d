package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.Decoded;
import dev.kdnet.protocol.LittleEndian;
import java.util.Arrays;
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
 * or more. A target answers with {@link #reply}, which implements the echo rule of §3.1.
 *
 * @param api            the ApiNumber
 * @param processorLevel CPU family in target replies; garbage in WinDbg requests (u16)
 * @param processor      the CPU a request is for (u16)
 * @param returnStatus   NTSTATUS of a reply ({@link NtStatus}); {@link NtStatus#PENDING} or garbage in requests
 * @param padding        the 4 alignment bytes at 0x0C as a little-endian int
 * @param union          the 40-byte union (copied)
 * @param data           the extra data after the header (copied)
 */
public record ManipulateState64(ManipulateApi api, int processorLevel, int processor, int returnStatus, int padding,
        byte[] union, byte[] data) {
    /** Length of the header, union included. */
    public static final int HEADER_LENGTH = 0x38;
    /** Length of the per-API union. */
    public static final int UNION_LENGTH = 40;
    private static final int UNION_OFFSET = 0x10;

    /** Checks the field widths and copies the arrays; IllegalArgumentException unless the union is 40 bytes. */
    public ManipulateState64 {
        Objects.requireNonNull(api, "api");
        LittleEndian.requireFits(processorLevel, 2, "processor level");
        LittleEndian.requireFits(processor, 2, "processor");
        union = requireUnion(union).clone();
        data = data.clone();
    }

    /**
     * A request as a host builds it: ProcessorLevel 0, ReturnStatus {@link NtStatus#PENDING} (as WinDbg sends),
     * zero padding, {@code fields} written into a zero union.
     */
    public static ManipulateState64 request(ManipulateApi api, int processor, UnionView fields, byte[] data) {
        return new ManipulateState64(api, 0, processor, NtStatus.PENDING, 0, fields.writeInto(new byte[UNION_LENGTH]),
                data);
    }

    /** A request as {@link #request(ManipulateApi, int, UnionView, byte[])} builds it, with a zero union, no data. */
    public static ManipulateState64 request(ManipulateApi api, int processor) {
        return new ManipulateState64(api, 0, processor, NtStatus.PENDING, 0, new byte[UNION_LENGTH], new byte[0]);
    }

    /** Decodes a payload; malformed (never thrown) if it is shorter than the 56-byte header. */
    public static Decoded<ManipulateState64> decode(byte[] payload) {
        if (payload.length < HEADER_LENGTH) {
            return Decoded.malformed(
                    "manipulate payload of " + payload.length + " bytes; expected at least " + HEADER_LENGTH);
        }
        return Decoded.ok(new ManipulateState64(ManipulateApi.valueOf(LittleEndian.u32(payload, 0)), LittleEndian.u16(payload, 4),
                LittleEndian.u16(payload, 6), LittleEndian.u32(payload, 8), LittleEndian.u32(payload, 0x0C),
                Arrays.copyOfRange(payload, UNION_OFFSET, HEADER_LENGTH),
                Arrays.copyOfRange(payload, HEADER_LENGTH, payload.length)));
    }

    /** The payload bytes: header, union, data. */
    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + data.length];
        LittleEndian.putU32(out, 0, api.number());
        LittleEndian.putU16(out, 4, processorLevel);
        LittleEndian.putU16(out, 6, processor);
        LittleEndian.putU32(out, 8, returnStatus);
        LittleEndian.putU32(out, 0x0C, padding);
        System.arraycopy(union, 0, out, UNION_OFFSET, UNION_LENGTH);
        System.arraycopy(data, 0, out, HEADER_LENGTH, data.length);
        return out;
    }

    /**
     * The reply to this request (§3.1): every header byte echoed — ApiNumber, ProcessorLevel, Processor, padding
     * and the union — except ReturnStatus and the API's output fields, which {@code output} writes into a copy of
     * this request's union; {@code data} becomes the reply data.
     */
    public ManipulateState64 reply(int returnStatus, UnionView output, byte[] data) {
        return reply(returnStatus, output.writeInto(union), data);
    }

    /**
     * The reply to this request with the given union: the other header fields are echoed. Prefer {@link
     * #reply(int, UnionView, byte[])}, which keeps the union bytes the API does not write.
     */
    public ManipulateState64 reply(int returnStatus, byte[] union, byte[] data) {
        return new ManipulateState64(api, processorLevel, processor, returnStatus, padding, union, data);
    }

    /** The reply that only sets ReturnStatus: the whole header echoed, no data (e.g. an unsupported API). */
    public ManipulateState64 reply(int returnStatus) {
        return reply(returnStatus, union, new byte[0]);
    }

    /** This payload with another union (40 bytes). */
    public ManipulateState64 withUnion(byte[] union) {
        return new ManipulateState64(api, processorLevel, processor, returnStatus, padding, union, data);
    }

    /** Checks that {@code union} has the manipulate union's length and returns it. */
    static byte[] requireUnion(byte[] union) {
        return LittleEndian.requireLength(union, UNION_LENGTH, "manipulate union");
    }

    /** The union (a copy). */
    @Override
    public byte[] union() {
        return union.clone();
    }

    /** The extra data (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Length of the extra data, without copying it. */
    public int dataLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManipulateState64 m && api.equals(m.api) && processorLevel == m.processorLevel
                && processor == m.processor && returnStatus == m.returnStatus && padding == m.padding
                && Arrays.equals(union, m.union) && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(api, processorLevel, processor, returnStatus, padding, Arrays.hashCode(union),
                Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return String.format("ManipulateState64[%s level=0x%x processor=%d status=0x%08x union=%s data=%d bytes]",
                api, processorLevel, processor, returnStatus, HexFormat.of().formatHex(union), data.length);
    }
}
