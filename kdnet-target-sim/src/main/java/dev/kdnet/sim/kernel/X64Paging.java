package dev.kdnet.sim.kernel;

/**
 * x64 4-level paging as the CPU walks it (Intel SDM vol. 3, §4.5): entry bits, the 9-bit table index of each level
 * and canonical addresses. Level 4 is the PML4, level 1 the page table.
 */
final class X64Paging {
    /** Entry bit 0: the entry maps something. */
    static final long PRESENT = 1L;
    /** Entry bit 1: writes allowed. */
    static final long WRITABLE = 1L << 1;
    /** Entry bit 7 of a PDPTE or PDE: it maps a 1 GiB or 2 MiB page instead of pointing at a table. */
    static final long LARGE_PAGE = 1L << 7;
    /** Entry bit 63: instruction fetches not allowed. */
    static final long NO_EXECUTE = 1L << 63;
    /** Bits 12..51 of an entry: the physical address of the next table or of a 4 KiB page. */
    static final long FRAME_MASK = 0x000F_FFFF_FFFF_F000L;
    /** Bytes in a page table entry. */
    static final int ENTRY_SIZE = 8;
    /** The PML4 slot that points back at the PML4, as Windows 10 before 1607 placed it (fixed, not randomised). */
    static final int SELF_MAP_INDEX = 0x1ED;
    /** Where the self-map shows the page tables: the PTE of virtual address 0 (0xFFFFF68000000000). */
    static final long PTE_BASE = canonical((long) SELF_MAP_INDEX << 39);

    private X64Paging() {
    }

    /** True if bits 63..47 of {@code virtualAddress} are all equal, as the CPU requires. */
    static boolean isCanonical(long virtualAddress) {
        long top = virtualAddress >> 47;
        return top == 0 || top == -1;
    }

    /** Sign-extends bit 47, turning a 48-bit address into its canonical 64-bit form. */
    static long canonical(long virtualAddress) {
        return virtualAddress << 16 >> 16;
    }

    /** The index into the table of {@code level} (4 = PML4 … 1 = page table) that {@code virtualAddress} selects. */
    static int index(long virtualAddress, int level) {
        return (int) (virtualAddress >>> (12 + 9 * (level - 1))) & 0x1FF;
    }

    /** The bytes below which an entry of {@code level} that maps a page covers: 4 KiB, 2 MiB or 1 GiB, minus one. */
    static long pageOffsetMask(int level) {
        return (1L << (12 + 9 * (level - 1))) - 1;
    }
}
