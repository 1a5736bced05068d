package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;

/** The 64-bit TSS (0x68 bytes): the kernel stack for entries from user mode, and no I/O permission map. */
final class TaskStateSegment {
    /** Bytes of the TSS. */
    static final int SIZE = 0x68;
    /** Its descriptor limit. */
    static final int LIMIT = SIZE - 1;
    /** Rsp0 (u64). */
    static final int RSP0 = 0x04;
    /** IoMapBase (u16): at the limit, meaning no I/O permission bitmap. */
    static final int IO_MAP_BASE = 0x66;

    private TaskStateSegment() {
    }

    /** The TSS with Rsp0 = {@code rsp0}. */
    static byte[] encode(long rsp0) {
        byte[] tss = new byte[SIZE];
        WireBytes.wrap(tss).putLong(RSP0, rsp0);
        WireBytes.wrap(tss).putShort(IO_MAP_BASE, (short) SIZE);
        return tss;
    }
}
