package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.LittleEndian;
/**
 * DBGKD_FILL_MEMORY (kd-protocol §3.2), the FillMemory (0x315B) union; the request data is the pattern.
 *
 * <pre>
 *   u+0x0  8  Address         u+0xC  2  Flags ({@link #VIRTUAL} or {@link #PHYSICAL})
 *   u+0x8  4  Length          u+0xE  2  PatternLength
 * </pre>
 *
 * @param address       first byte to fill
 * @param length        bytes to fill
 * @param flags         address space (u16)
 * @param patternLength length of the pattern in the data (u16)
 */
public record FillMemory(long address, int length, int flags, int patternLength) implements UnionView {
    /** Flags value: fill virtual memory. */
    public static final int VIRTUAL = 1;
    /** Flags value: fill physical memory. */
    public static final int PHYSICAL = 2;

    /** Checks the 16-bit fields; IllegalArgumentException for a too-wide value. */
    public FillMemory {
        LittleEndian.requireFits(flags, 2, "flags");
        LittleEndian.requireFits(patternLength, 2, "pattern length");
    }

    /** Reads the fields from a 40-byte manipulate union. */
    public static FillMemory from(byte[] union) {
        ManipulateState64.requireUnion(union);
        return new FillMemory(LittleEndian.u64(union, 0), LittleEndian.u32(union, 8), LittleEndian.u16(union, 0x0C), LittleEndian.u16(union, 0x0E));
    }

    @Override
    public byte[] writeInto(byte[] union) {
        byte[] out = ManipulateState64.requireUnion(union).clone();
        LittleEndian.putU64(out, 0, address);
        LittleEndian.putU32(out, 8, length);
        LittleEndian.putU16(out, 0x0C, flags);
        LittleEndian.putU16(out, 0x0E, patternLength);
        return out;
    }
}
