package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
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
    public static MsrTransfer from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new MsrTransfer(u.getInt(0), u.getInt(4), u.getInt(8));
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
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putInt(0, msr);
        out.putInt(4, dataValueLow);
        out.putInt(8, dataValueHigh);
        return out;
    }
}
