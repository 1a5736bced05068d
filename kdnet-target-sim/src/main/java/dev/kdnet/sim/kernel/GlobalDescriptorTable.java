package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.nio.ByteBuffer;

/**
 * The GDT of Windows x64, selector by selector as {@code dg} shows it on a real kernel: 64-bit kernel code at 0x10,
 * kernel data 0x18, 32-bit user code 0x20, user data 0x28, 64-bit user code 0x30, the TSS (a 16-byte system
 * descriptor) at 0x40, the 32-bit TEB data segment 0x50 and 32-bit kernel code 0x60.
 */
final class GlobalDescriptorTable {
    /** GDTR limit: 14 eight-byte slots. */
    static final int LIMIT = 0x6F;
    /** KGDT64_R0_CODE. */
    static final int KERNEL_CODE = 0x10;
    /** KGDT64_R0_DATA. */
    static final int KERNEL_DATA = 0x18;
    /** KGDT64_R3_CMCODE: 32-bit user code. */
    static final int USER_CODE32 = 0x20;
    /** KGDT64_R3_DATA. */
    static final int USER_DATA = 0x28;
    /** KGDT64_R3_CODE: 64-bit user code. */
    static final int USER_CODE64 = 0x30;
    /** KGDT64_SYS_TSS. */
    static final int TSS = 0x40;
    /** KGDT64_R3_CMTEB: the FS segment of 32-bit threads (their TEB). */
    static final int USER_TEB32 = 0x50;
    /** KGDT64_R0_CMCODE: 32-bit kernel code. */
    static final int KERNEL_CODE32 = 0x60;

    /** Access byte: present, DPL 0, code, execute/read, accessed. */
    private static final int KERNEL_CODE_ACCESS = 0x9B;
    /** Access byte: present, DPL 0, data, read/write, accessed. */
    private static final int KERNEL_DATA_ACCESS = 0x93;
    /** Access byte: present, DPL 3, code, execute/read, accessed. */
    private static final int USER_CODE_ACCESS = 0xFB;
    /** Access byte: present, DPL 3, data, read/write, accessed. */
    private static final int USER_DATA_ACCESS = 0xF3;
    /** Access byte: present, DPL 0, busy 64-bit TSS. */
    private static final int BUSY_TSS_ACCESS = 0x8B;
    /** Access byte: present, DPL 0, code, execute/read. */
    private static final int KERNEL_CODE32_ACCESS = 0x9A;
    /** Flags nibble: L (64-bit code). */
    private static final int LONG_MODE = 0x2;
    /** Flags nibble: D/B (32-bit). */
    private static final int DEFAULT_32 = 0x4;
    /** Flags nibble: G (4 KiB granularity) and D/B. */
    private static final int PAGE_GRANULAR_32 = 0xC;
    private static final int FLAT_LIMIT = 0xFFFFF;
    private static final int TEB32_LIMIT = 0x3C00;

    private GlobalDescriptorTable() {
    }

    /** The table ({@code LIMIT + 1} bytes) whose TSS descriptor describes the TSS at {@code tssBase}. */
    static byte[] encode(long tssBase) {
        byte[] gdt = new byte[LIMIT + 1];
        ByteBuffer gdtBuffer = WireBytes.wrap(gdt);
        gdtBuffer.putLong(KERNEL_CODE, descriptor(0, 0, KERNEL_CODE_ACCESS, LONG_MODE));
        gdtBuffer.putLong(KERNEL_DATA, descriptor(0, FLAT_LIMIT, KERNEL_DATA_ACCESS, PAGE_GRANULAR_32));
        gdtBuffer.putLong(USER_CODE32, descriptor(0, FLAT_LIMIT, USER_CODE_ACCESS, PAGE_GRANULAR_32));
        gdtBuffer.putLong(USER_DATA, descriptor(0, FLAT_LIMIT, USER_DATA_ACCESS, PAGE_GRANULAR_32));
        gdtBuffer.putLong(USER_CODE64, descriptor(0, 0, USER_CODE_ACCESS, LONG_MODE));
        gdtBuffer.putLong(TSS, descriptor(tssBase, TaskStateSegment.LIMIT, BUSY_TSS_ACCESS, 0));
        gdtBuffer.putLong(TSS + 8, tssBase >>> 32);
        gdtBuffer.putLong(USER_TEB32, descriptor(0, TEB32_LIMIT, USER_DATA_ACCESS, DEFAULT_32));
        gdtBuffer.putLong(KERNEL_CODE32, descriptor(0, FLAT_LIMIT, KERNEL_CODE32_ACCESS, PAGE_GRANULAR_32));
        return gdt;
    }

    /** An 8-byte segment descriptor (for a system descriptor: its low half, base bits 0..31). */
    private static long descriptor(long base, int limit, int access, int flags) {
        return (limit & 0xFFFFL) | (base & 0xFF_FFFFL) << 16 | (long) access << 40 | (limit >>> 16 & 0xFL) << 48
                | (long) flags << 52 | (base >>> 24 & 0xFFL) << 56;
    }
}
