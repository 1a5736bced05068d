package dev.kdnet.host.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongUnaryOperator;

/**
 * The x64 4-level page walk (Intel SDM vol. 3 §4.5) through physical reads of the entries: from CR3's PML4 to the
 * page, stopping at an entry that is not present or that maps a large page. Pure: the entries come from a reader.
 */
final class PageWalk {
    /** Entry bit 0: present. */
    static final long PRESENT = 1L;
    /** Entry bit 7 of a PDPTE or PDE: maps a 1 GiB or 2 MiB page. */
    static final long LARGE_PAGE = 1L << 7;
    /** Bits 12..51: the physical frame of the next table or the page. */
    static final long FRAME_MASK = 0x000F_FFFF_FFFF_F000L;
    /** Entries in one table. */
    static final int ENTRIES = 512;
    private static final int PAGE_SHIFT = 12;
    private static final int LEVEL_BITS = 9;
    private static final int TOP_LEVEL = 4;

    private PageWalk() {
    }

    /**
     * One entry of the walk.
     *
     * @param level   4 (PML4E, WinDbg's PXE) to 1 (PTE)
     * @param address the entry's physical address
     * @param value   what it contains
     */
    record Entry(int level, long address, long value) {
        boolean present() {
            return (value & PRESENT) != 0;
        }

        /** True if this entry maps a page itself (a PTE, or a large PDPTE or PDE). */
        boolean mapsPage() {
            return present() && (level == 1 || (level <= 3 && (value & LARGE_PAGE) != 0));
        }

        /** The page frame number the entry holds. */
        long pfn() {
            return (value & FRAME_MASK) >>> PAGE_SHIFT;
        }
    }

    /**
     * A finished walk.
     *
     * @param virtualAddress the address translated
     * @param directoryBase  the PML4's physical address
     * @param entries        the entries read, top level first; the last one maps the page or is not present
     * @param physical       the physical address, if mapped
     */
    record Translation(long virtualAddress, long directoryBase, List<Entry> entries, OptionalLong physical) {
        /** The entry that ended the walk. */
        Entry last() {
            return entries.get(entries.size() - 1);
        }
    }

    /** True if bits 63..47 of {@code address} are all equal, as the CPU requires. */
    static boolean isCanonical(long address) {
        long top = address >> 47;
        return top == 0 || top == -1;
    }

    /** The index into the table of {@code level} that {@code virtualAddress} selects. */
    static int index(long virtualAddress, int level) {
        return (int) (virtualAddress >>> (PAGE_SHIFT + LEVEL_BITS * (level - 1))) & (ENTRIES - 1);
    }

    /** Walks {@code virtualAddress} from {@code cr3}; {@code readEntry} gives the 8 bytes at a physical address. */
    static Translation translate(long cr3, long virtualAddress, LongUnaryOperator readEntry) {
        long directoryBase = cr3 & FRAME_MASK;
        List<Entry> entries = new ArrayList<>();
        long table = directoryBase;
        for (int level = TOP_LEVEL; level >= 1; level--) {
            long address = table + (long) index(virtualAddress, level) * Long.BYTES;
            Entry entry = new Entry(level, address, readEntry.applyAsLong(address));
            entries.add(entry);
            if (!entry.present()) {
                return new Translation(virtualAddress, directoryBase, entries, OptionalLong.empty());
            }
            if (entry.mapsPage()) {
                long offsetMask = (1L << (PAGE_SHIFT + LEVEL_BITS * (level - 1))) - 1;
                long physical = (entry.value() & FRAME_MASK & ~offsetMask) | (virtualAddress & offsetMask);
                return new Translation(virtualAddress, directoryBase, entries, OptionalLong.of(physical));
            }
            table = entry.value() & FRAME_MASK;
        }
        throw new IllegalStateException("a walk ends at level 1");
    }

    /** The PML4 slot whose entry points back at the PML4 itself (the self-map), if {@code pml4} has one. */
    static OptionalInt selfMapIndex(long directoryBase, long[] pml4) {
        for (int i = 0; i < pml4.length; i++) {
            if ((pml4[i] & PRESENT) != 0 && (pml4[i] & FRAME_MASK) == (directoryBase & FRAME_MASK)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The virtual address of the entry of {@code level} that maps {@code virtualAddress}, through the self-map
     * in PML4 slot {@code selfMap} (as Windows' MiGetPteAddress and its PDE, PPE and PXE forms).
     */
    static long entryVirtualAddress(int selfMap, long virtualAddress, int level) {
        long pteBase = (long) selfMap << (PAGE_SHIFT + LEVEL_BITS * 3) << 16 >> 16;
        long address = virtualAddress;
        for (int i = 0; i < level; i++) {
            address = pteBase + ((address >>> PAGE_SHIFT) & ((1L << 36) - 1)) * Long.BYTES;
        }
        return address;
    }
}
