package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;

/**
 * An x64 4-level page walk done by hand from raw physical pages, independent of {@link AddressSpace}, to check it
 * against: PML4E → PDPTE → PDE → PTE, with 1 GiB and 2 MiB pages where bit 7 is set.
 */
final class ManualPageWalk {
    static final long PRESENT = 0x1;
    static final long WRITABLE = 0x2;
    static final long LARGE = 0x80;
    static final long NO_EXECUTE = 1L << 63;
    static final long FRAME = 0x000F_FFFF_FFFF_F000L;
    private static final int[] SHIFTS = {39, 30, 21, 12};

    private ManualPageWalk() {
    }

    /** The physical address {@code va} maps to, or -1 where an entry on the way is not present. */
    static long physicalAddress(PhysicalMemory ram, long cr3, long va) {
        long table = cr3;
        for (int level = 0; level < SHIFTS.length; level++) {
            long entry = entry(ram, table, va, SHIFTS[level]);
            if ((entry & PRESENT) == 0) {
                return -1;
            }
            if (level == SHIFTS.length - 1 || (level > 0 && (entry & LARGE) != 0)) {
                long offsetMask = (1L << SHIFTS[level]) - 1;
                return (entry & FRAME & ~offsetMask) | (va & offsetMask);
            }
            table = entry & FRAME;
        }
        throw new AssertionError("the page table level always maps a page");
    }

    /** The page table entry (level 1) of {@code va}, whose upper levels must be present tables. */
    static long leafEntry(PhysicalMemory ram, long cr3, long va) {
        long table = cr3;
        for (int level = 0; level < SHIFTS.length - 1; level++) {
            table = entry(ram, table, va, SHIFTS[level]) & FRAME;
        }
        return entry(ram, table, va, SHIFTS[SHIFTS.length - 1]);
    }

    /** Writes a raw 8-byte entry at physical address {@code at}. */
    static void putEntry(PhysicalMemory ram, long at, long entry) {
        byte[] bytes = new byte[8];
        WireBytes.wrap(bytes).putLong(0, entry);
        ram.write(at, bytes);
    }

    private static long entry(PhysicalMemory ram, long table, long va, int shift) {
        return WireBytes.wrap(ram.read(table + ((va >>> shift) & 0x1FF) * 8, 8)).getLong(0);
    }
}
