package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
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
    public static MemoryTransfer from(byte[] union) {
        ManipulateState64.requireUnion(union);
        return new MemoryTransfer(LittleEndian.u64(union, 0), LittleEndian.u32(union, 8), LittleEndian.u32(union, 0x0C));
    }

    /** The same transfer with ActualBytes set, as a target replies. */
    public MemoryTransfer withActualBytes(int actualBytes) {
        return new MemoryTransfer(targetBaseAddress, transferCount, actualBytes);
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = ManipulateState64.requireUnion(union).clone();
        LittleEndian.putU64(out, 0, targetBaseAddress);
        LittleEndian.putU32(out, 8, transferCount);
        LittleEndian.putU32(out, 0x0C, actualBytes);
        return out;
    }
}
