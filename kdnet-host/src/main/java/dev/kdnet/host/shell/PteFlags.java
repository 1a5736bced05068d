package dev.kdnet.host.shell;

/**
 * The flags column of WinDbg's {@code !pte} for an x64 entry, 11 letters: copy-on-write, global, large, dirty,
 * accessed, cache disabled, write-through, user or kernel, writable or read-only, executable, valid; a dash for a
 * flag that is clear.
 */
final class PteFlags {
    private static final long VALID = 1L;
    private static final long WRITABLE = 1L << 1;
    private static final long USER = 1L << 2;
    private static final long WRITE_THROUGH = 1L << 3;
    private static final long CACHE_DISABLED = 1L << 4;
    private static final long ACCESSED = 1L << 5;
    private static final long DIRTY = 1L << 6;
    private static final long LARGE = 1L << 7;
    private static final long GLOBAL = 1L << 8;
    /** Bit 9, one of the bits the CPU leaves to software: Windows marks copy-on-write pages there. */
    private static final long COPY_ON_WRITE = 1L << 9;
    private static final long NO_EXECUTE = 1L << 63;

    private PteFlags() {
    }

    /** E.g. {@code ---DA--KWEV} for {@code 0x63}; {@code large} only counts for PDPTEs and PDEs. */
    static String of(long entry, boolean large) {
        return new StringBuilder()
                .append(set(entry, COPY_ON_WRITE) ? 'C' : '-')
                .append(set(entry, GLOBAL) ? 'G' : '-')
                .append(large && set(entry, LARGE) ? 'L' : '-')
                .append(set(entry, DIRTY) ? 'D' : '-')
                .append(set(entry, ACCESSED) ? 'A' : '-')
                .append(set(entry, CACHE_DISABLED) ? 'N' : '-')
                .append(set(entry, WRITE_THROUGH) ? 'T' : '-')
                .append(set(entry, USER) ? 'U' : 'K')
                .append(set(entry, WRITABLE) ? 'W' : 'R')
                .append(set(entry, NO_EXECUTE) ? '-' : 'E')
                .append(set(entry, VALID) ? 'V' : '-')
                .toString();
    }

    private static boolean set(long entry, long bit) {
        return (entry & bit) != 0;
    }
}
