package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
/**
 * DBGKD_RESTORE_BREAKPOINT (kd-protocol §3.2): u+0x0 BreakPointHandle (u32).
 *
 * @param handle the handle WriteBreakPoint returned
 */
public record RestoreBreakPoint(int handle) implements UnionView {
    /** Reads the field from a 40-byte manipulate union. */
    public static RestoreBreakPoint from(byte[] union) {
        ManipulateState64.requireUnion(union);
        return new RestoreBreakPoint(LittleEndian.u32(union, 0));
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = ManipulateState64.requireUnion(union).clone();
        LittleEndian.putU32(out, 0, handle);
        return out;
    }
}
