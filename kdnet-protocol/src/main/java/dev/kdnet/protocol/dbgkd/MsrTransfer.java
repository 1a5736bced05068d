package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
/**
 * DBGKD_READ_WRITE_MSR (kd-protocol §3.2), the Read/WriteMachineSpecificRegister (0x3152/0x3153) union.
 *
 * <pre>
 *   u+0x0  4  Msr
 *   u+0x4  4  DataValueLow  (→ read reply)
 *   u+0x8  4  DataValueHigh (→ read reply)
 * </pre>
 *
 * @param msr           the MSR number
 * @param dataValueLow  bits 31..0 of the value
 * @param dataValueHigh bits 63..32 of the value
 */
public record MsrTransfer(int msr, int dataValueLow, int dataValueHigh) implements UnionView {
    /** Reads the fields from a 40-byte manipulate union. */
    public static MsrTransfer from(byte[] union) {
        ManipulateState64.requireUnion(union);
        return new MsrTransfer(LittleEndian.u32(union, 0), LittleEndian.u32(union, 4), LittleEndian.u32(union, 8));
    }

    /** The 64-bit value: high and low halves combined. */
    public long value() {
        return (long) dataValueHigh << 32 | dataValueLow & 0xFFFF_FFFFL;
    }

    /** The same MSR with the 64-bit value split into its halves, as a read reply carries it. */
    public MsrTransfer withValue(long value) {
        return new MsrTransfer(msr, (int) value, (int) (value >>> 32));
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = ManipulateState64.requireUnion(union).clone();
        LittleEndian.putU32(out, 0, msr);
        LittleEndian.putU32(out, 4, dataValueLow);
        LittleEndian.putU32(out, 8, dataValueHigh);
        return out;
    }
}
