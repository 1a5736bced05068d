package dev.kdnet.protocol.dbgkd;

import java.nio.ByteBuffer;
/**
 * DBGKD_READ_MEMORY64 / DBGKD_WRITE_MEMORY64 (kd-protocol §3.2): the union of Read/WriteVirtualMemory,
 * Read/WritePhysicalMemory and Read/WriteControlSpace.
 *
 * <pre>
 *   u+0x0  8  TargetBaseAddress (control space: the selector, §3.10)
 *   u+0x8  4  TransferCount
 *   u+0xC  4  ActualBytesRead/Written (→ reply; garbage in WinDbg requests; the caching flag in physical requests)
 * </pre>
 *
 * @param targetBaseAddress the address (or control-space selector)
 * @param transferCount     bytes requested
 * @param actualBytes       bytes transferred (reply); the caching flag in a physical-memory request
 */
public record MemoryTransfer(long targetBaseAddress, int transferCount, int actualBytes) implements UnionView {
    /** A request for {@code transferCount} bytes at {@code address}, ActualBytes 0. */
    public static MemoryTransfer request(long address, int transferCount) {
        return new MemoryTransfer(address, transferCount, 0);
    }

    /** Reads the fields from a 40-byte manipulate union. */
    public static MemoryTransfer from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new MemoryTransfer(u.getLong(0), u.getInt(8), u.getInt(0x0C));
    }

    /** The same transfer with ActualBytes set, as a target replies. */
    public MemoryTransfer withActualBytes(int actualBytes) {
        return new MemoryTransfer(targetBaseAddress, transferCount, actualBytes);
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putLong(0, targetBaseAddress);
        out.putInt(8, transferCount);
        out.putInt(0x0C, actualBytes);
        return out;
    }
}
