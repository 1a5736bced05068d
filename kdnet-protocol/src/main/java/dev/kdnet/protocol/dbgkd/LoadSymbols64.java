package dev.kdnet.protocol.dbgkd;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;
/**
 * DBGKD_LOAD_SYMBOLS64 (kd-protocol §3.5.2), the union of a LoadSymbols state change; the path follows in the
 * extra data. Offsets are relative to the union (state change offset 0x20 + x); the alignment at u+0x4 and every
 * byte after u+0x20 are left to the union.
 *
 * <pre>
 *   u+0x00  4  PathNameLength (bytes of the path including its NUL; 0 = none)
 *   u+0x08  8  BaseOfDll (−1 with UnloadSymbols = "unload all")
 *   u+0x10  8  ProcessId (−1 for kernel images)
 *   u+0x18  4  CheckSum
 *   u+0x1C  4  SizeOfImage
 *   u+0x20  1  UnloadSymbols
 * </pre>
 *
 * @param pathNameLength bytes of the path in the extra data, NUL included
 * @param baseOfDll      image base
 * @param processId      owning process, −1 for kernel images
 * @param checkSum       PE header checksum
 * @param sizeOfImage    image size
 * @param unloadSymbols  non-zero for an unload (u8)
 */
public record LoadSymbols64(int pathNameLength, long baseOfDll, long processId, int checkSum, int sizeOfImage,
        int unloadSymbols) implements UnionView {
    /** ProcessId of kernel images. */
    public static final long KERNEL_PROCESS_ID = -1;

    /** Checks the 8-bit UnloadSymbols; IllegalArgumentException for a too-wide value. */
    public LoadSymbols64 {
        WireBytes.requireFits(unloadSymbols, 1, "unload symbols");
    }

    /** A load (or unload) report without a path yet: {@link StateChange64#loadSymbols} sets PathNameLength. */
    public static LoadSymbols64 of(long baseOfDll, long processId, int checkSum, int sizeOfImage, boolean unload) {
        return new LoadSymbols64(0, baseOfDll, processId, checkSum, sizeOfImage, unload ? 1 : 0);
    }

    /** Reads the fields from a 160-byte state-change union. */
    public static LoadSymbols64 from(ByteBuffer union) {
        ByteBuffer u = StateChange64.requireUnion(union);
        return new LoadSymbols64(u.getInt(0), u.getLong(8), u.getLong(0x10), u.getInt(0x18),
                u.getInt(0x1C), WireBytes.u8(u, 0x20));
    }

    /** True if UnloadSymbols is non-zero. */
    public boolean isUnload() {
        return unloadSymbols != 0;
    }

    /** The same report with another PathNameLength. */
    public LoadSymbols64 withPathNameLength(int pathNameLength) {
        return new LoadSymbols64(pathNameLength, baseOfDll, processId, checkSum, sizeOfImage, unloadSymbols);
    }

    @Override
    public ByteBuffer writeInto(ByteBuffer union) {
        ByteBuffer out = StateChange64.unionCopy(union);
        out.putInt(0, pathNameLength);
        out.putLong(8, baseOfDll);
        out.putLong(0x10, processId);
        out.putInt(0x18, checkSum);
        out.putInt(0x1C, sizeOfImage);
        out.put(0x20, (byte) unloadSymbols);
        return out;
    }
}
