package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
/**
 * DBGKD_CONTEXT_EX (kd-protocol §3.2): the union of GetContextEx and SetContextEx, which move the CONTEXT bytes
 * {@code [offset, offset + byteCount)}.
 *
 * <pre>
 *   u+0x0  4  Offset
 *   u+0x4  4  ByteCount
 *   u+0x8  4  BytesCopied (→ reply; in a SetContextEx request the total size being staged)
 * </pre>
 *
 * @param offset      first CONTEXT byte
 * @param byteCount   number of bytes
 * @param bytesCopied bytes copied (reply), or the staged total (SetContextEx request)
 */
public record ContextEx(int offset, int byteCount, int bytesCopied) implements UnionView {
    /** Reads the fields from a 40-byte manipulate union. */
    public static ContextEx from(byte[] union) {
        ManipulateState64.requireUnion(union);
        return new ContextEx(LittleEndian.u32(union, 0), LittleEndian.u32(union, 4), LittleEndian.u32(union, 8));
    }

    /** The same request with BytesCopied set, as a target replies. */
    public ContextEx withBytesCopied(int bytesCopied) {
        return new ContextEx(offset, byteCount, bytesCopied);
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = ManipulateState64.requireUnion(union).clone();
        LittleEndian.putU32(out, 0, offset);
        LittleEndian.putU32(out, 4, byteCount);
        LittleEndian.putU32(out, 8, bytesCopied);
        return out;
    }
}
