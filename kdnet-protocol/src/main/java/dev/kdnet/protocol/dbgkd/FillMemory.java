package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
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
        WireBytes.requireFits(flags, 2, "flags");
        WireBytes.requireFits(patternLength, 2, "pattern length");
    }

    /** Reads the fields from a 40-byte manipulate union. */
    public static FillMemory from(ByteBuffer union) {
        ByteBuffer u = ManipulateState64.requireUnion(union);
        return new FillMemory(u.getLong(0), u.getInt(8), WireBytes.u16(u, 0x0C), WireBytes.u16(u, 0x0E));
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = ManipulateState64.unionCopy(union);
        out.putLong(0, address);
        out.putInt(8, length);
        out.putShort(0x0C, (short) flags);
        out.putShort(0x0E, (short) patternLength);
        return out;
    }
}
