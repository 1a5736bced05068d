package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
/**
 * DBGKD_WRITE_BREAKPOINT64 (kd-protocol §3.2), the WriteBreakPoint union.
 *
 * <pre>
 *   u+0x0  8  BreakPointAddress
 *   u+0x8  4  BreakPointHandle (→ reply: 1-based slot index)
 * </pre>
 *
 * @param address where to put the {@code 0xCC}
 * @param handle  the handle the target assigned (reply)
 */
public record WriteBreakPoint(long address, int handle) implements UnionView {
    /** Reads the fields from a 40-byte manipulate union. */
    public static WriteBreakPoint from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new WriteBreakPoint(u.getLong(0), u.getInt(8));
    }

    /** The same request with the handle set, as a target replies. */
    public WriteBreakPoint withHandle(int handle) {
        return new WriteBreakPoint(address, handle);
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putLong(0, address);
        out.putInt(8, handle);
        return out;
    }
}
