package dev.kdnet.sim.kernel;

/**
 * One section of a simulated PE image. Raw data sits at the same offset as the RVA and has the same (page-aligned)
 * size, so the file and the mapped image have one layout.
 *
 * @param name            up to 8 ASCII characters, e.g. ".text"
 * @param virtualAddress  RVA, page-aligned
 * @param size            VirtualSize and SizeOfRawData, a multiple of the page size
 * @param characteristics IMAGE_SCN_* bits, e.g. {@link #CODE} | {@link #NOT_PAGED}
 */
record PeSection(String name, int virtualAddress, int size, int characteristics) {
    /** IMAGE_SCN_CNT_CODE | IMAGE_SCN_MEM_EXECUTE | IMAGE_SCN_MEM_READ. */
    static final int CODE = 0x6000_0020;
    /** IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ. */
    static final int READ_ONLY_DATA = 0x4000_0040;
    /** IMAGE_SCN_MEM_WRITE. */
    static final int WRITE = 0x8000_0000;
    /** IMAGE_SCN_MEM_NOT_PAGED. */
    static final int NOT_PAGED = 0x0800_0000;
    /** IMAGE_SCN_MEM_DISCARDABLE. */
    static final int DISCARDABLE = 0x0200_0000;
    /** Bytes of a section header. */
    static final int HEADER_SIZE = 40;
    private static final int MEM_EXECUTE = 0x2000_0000;
    private static final int CNT_CODE = 0x20;

    /** Checks the name length and the page alignment. */
    PeSection {
        if (name.length() > 8 || virtualAddress % PhysicalMemory.PAGE_SIZE != 0
                || size % PhysicalMemory.PAGE_SIZE != 0) {
            throw new IllegalArgumentException("bad section " + name);
        }
    }

    /** True for a section of code (counts toward SizeOfCode). */
    boolean isCode() {
        return (characteristics & CNT_CODE) != 0;
    }

    /** True if the section's pages are executable. */
    boolean executable() {
        return (characteristics & MEM_EXECUTE) != 0;
    }

    /** True if the section's pages are writable. */
    boolean writable() {
        return (characteristics & WRITE) != 0;
    }

    /** True if {@code rva} lies inside the section. */
    boolean contains(int rva) {
        return rva >= virtualAddress && rva < virtualAddress + size;
    }
}
