package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
/**
 * DBGKD_RESTORE_BREAKPOINT (kd-protocol §3.2): u+0x0 BreakPointHandle (u32).
 *
 * @param handle the handle WriteBreakPoint returned
 */
public record RestoreBreakPoint(int handle) implements UnionView {
    /** Reads the field from a 40-byte manipulate union. */
    public static RestoreBreakPoint from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new RestoreBreakPoint(u.getInt(0));
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putInt(0, handle);
        return out;
    }
}
