package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
/**
 * DBGKD_READ_WRITE_IO64 (kd-protocol §3.2), the ReadIoSpace/WriteIoSpace (0x3139/0x313A) union.
 *
 * <pre>
 *   u+0x0  8  IoAddress
 *   u+0x8  4  DataSize (1, 2 or 4; → reply: the size used)
 *   u+0xC  4  DataValue (→ ReadIoSpace reply, zero-extended)
 * </pre>
 *
 * @param ioAddress the port
 * @param dataSize  access width in bytes
 * @param dataValue the value written or read
 */
public record IoSpaceTransfer(long ioAddress, int dataSize, int dataValue) implements UnionView {
    /** Reads the fields from a 40-byte manipulate union. */
    public static IoSpaceTransfer from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new IoSpaceTransfer(u.getLong(0), u.getInt(8), u.getInt(0x0C));
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putLong(0, ioAddress);
        out.putInt(8, dataSize);
        out.putInt(0x0C, dataValue);
        return out;
    }
}
