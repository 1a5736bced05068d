package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
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
    public static WriteBreakPoint from(byte[] union) {
        ManipulateState64.requireUnion(union);
        return new WriteBreakPoint(LittleEndian.u64(union, 0), LittleEndian.u32(union, 8));
    }

    /** The same request with the handle set, as a target replies. */
    public WriteBreakPoint withHandle(int handle) {
        return new WriteBreakPoint(address, handle);
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = ManipulateState64.requireUnion(union).clone();
        LittleEndian.putU64(out, 0, address);
        LittleEndian.putU32(out, 8, handle);
        return out;
    }
}
