package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
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
    public static ContextEx from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new ContextEx(u.getInt(0), u.getInt(4), u.getInt(8));
    }

    /** The same request with BytesCopied set, as a target replies. */
    public ContextEx withBytesCopied(int bytesCopied) {
        return new ContextEx(offset, byteCount, bytesCopied);
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putInt(0, offset);
        out.putInt(4, byteCount);
        out.putInt(8, bytesCopied);
        return out;
    }
}
