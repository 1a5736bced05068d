package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
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
    public static IoSpaceTransfer from(byte[] union) {
        ManipulateState64.requireUnion(union);
        return new IoSpaceTransfer(LittleEndian.u64(union, 0), LittleEndian.u32(union, 8), LittleEndian.u32(union, 0x0C));
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = ManipulateState64.requireUnion(union).clone();
        LittleEndian.putU64(out, 0, ioAddress);
        LittleEndian.putU32(out, 8, dataSize);
        LittleEndian.putU32(out, 0x0C, dataValue);
        return out;
    }
}
