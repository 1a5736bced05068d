package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
/**
 * DBGKD_CONTINUE2 with the AMD64 control set (kd-protocol §3.2), the Continue2 (0x313C) union. The control set
 * is packed to 4 bytes, so Dr7 follows TraceFlag directly:
 *
 * <pre>
 *   u+0x00  4  ContinueStatus       u+0x10  8  CurrentSymbolStart (1 = no range)
 *   u+0x04  4  TraceFlag            u+0x18  8  CurrentSymbolEnd
 *   u+0x08  8  Dr7
 * </pre>
 *
 * @param continueStatus     NTSTATUS; non-success means "exception not handled"
 * @param traceFlag          non-zero: single-step (EFLAGS.TF) before the next stop
 * @param dr7                the value for KernelDr7 of every CPU (hosts echo the last control report's Dr7)
 * @param currentSymbolStart start of the range to step through, 1 for none
 * @param currentSymbolEnd   end of that range
 */
public record Continue2Request(int continueStatus, int traceFlag, long dr7, long currentSymbolStart,
        long currentSymbolEnd) implements UnionView {
    /** A Continue2 as WinDbg sends it: CurrentSymbolStart 1, CurrentSymbolEnd 0. */
    public static Continue2Request of(int continueStatus, boolean trace, long dr7) {
        return new Continue2Request(continueStatus, trace ? 1 : 0, dr7, 1, 0);
    }

    /** Reads the fields from a 40-byte manipulate union. */
    public static Continue2Request from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new Continue2Request(u.getInt(0), u.getInt(4), u.getLong(8), u.getLong(0x10),
                u.getLong(0x18));
    }

    /** True if TraceFlag is set. */
    public boolean isTracing() {
        return traceFlag != 0;
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putInt(0, continueStatus);
        out.putInt(4, traceFlag);
        out.putLong(8, dr7);
        out.putLong(0x10, currentSymbolStart);
        out.putLong(0x18, currentSymbolEnd);
        return out;
    }
}
