package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Virtual memory seen through real x64 4-level page tables that live in {@link PhysicalMemory}: the PML4 at CR3,
 * then PDPT, page directory and page table, each 512 eight-byte entries. {@link #translate} walks them the way the
 * CPU does, including 2 MiB (PDE) and 1 GiB (PDPTE) large pages; {@link #map} creates 4 KiB mappings and the table
 * pages they need.
 *
 * <p>Reads and writes stop at the first byte that is not mapped and never throw. Writes ignore the R/W bit, as a
 * kernel debugger patching code does. Nothing is cached, so a change to a table entry takes effect at once.
 */
public final class AddressSpace {
    private static final int PAGE_SIZE = PhysicalMemory.PAGE_SIZE;
    private static final int LEVELS = 4;

    private final PhysicalMemory memory;
    private final long cr3;

    /**
     * The address space whose PML4 is the page at {@code cr3}; IllegalArgumentException unless that is a
     * page-aligned address inside {@code memory}.
     */
    public AddressSpace(PhysicalMemory memory, long cr3) {
        this.memory = Objects.requireNonNull(memory, "memory");
        if ((cr3 & ~X64Paging.FRAME_MASK) != 0 || cr3 >= memory.size()) {
            throw new IllegalArgumentException(
                    "CR3 must be a page-aligned address in RAM, not 0x" + Long.toHexString(cr3));
        }
        this.cr3 = cr3;
    }

    /** Physical address of the PML4. */
    public long cr3() {
        return cr3;
    }

    /** The RAM that holds the tables and the pages. */
    public PhysicalMemory physical() {
        return memory;
    }

    /** The physical address {@code virtualAddress} maps to, or -1 if it is non-canonical or not present. */
    public long translate(long virtualAddress) {
        if (!X64Paging.isCanonical(virtualAddress)) {
            return -1;
        }
        long table = cr3;
        for (int level = LEVELS; level >= 1; level--) {
            long entry = memory.readU64(table + (long) X64Paging.index(virtualAddress, level) * X64Paging.ENTRY_SIZE);
            if ((entry & X64Paging.PRESENT) == 0) {
                return -1;
            }
            boolean mapsPage = level == 1 || (level <= 3 && (entry & X64Paging.LARGE_PAGE) != 0);
            if (mapsPage) {
                long offsetMask = X64Paging.pageOffsetMask(level);
                return (entry & X64Paging.FRAME_MASK & ~offsetMask) | (virtualAddress & offsetMask);
            }
            table = entry & X64Paging.FRAME_MASK;
        }
        throw new AssertionError("a level-1 entry always maps a page");
    }

    /** Up to {@code length} bytes from {@code virtualAddress}, ending at the first unmapped byte. Never throws. */
    public byte[] read(long virtualAddress, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, Math.min(length, 16 * PAGE_SIZE)));
        long address = virtualAddress;
        int remaining = Math.max(0, length);
        while (remaining > 0) {
            long physical = physicalInRam(address);
            if (physical < 0) {
                break;
            }
            int chunk = chunkInPage(address, remaining);
            out.writeBytes(memory.read(physical, chunk));
            remaining -= chunk;
            if (wrapsAround(address, chunk)) {
                break;
            }
            address += chunk;
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code data} at {@code virtualAddress}, stopping at the first unmapped byte; returns the bytes written.
     * Read-only pages are written too (a debugger may patch code).
     */
    public int write(long virtualAddress, byte[] data) {
        Objects.requireNonNull(data, "data");
        long address = virtualAddress;
        int done = 0;
        while (done < data.length) {
            long physical = physicalInRam(address);
            if (physical < 0) {
                break;
            }
            int chunk = chunkInPage(address, data.length - done);
            memory.write(physical, Arrays.copyOfRange(data, done, done + chunk));
            done += chunk;
            if (wrapsAround(address, chunk)) {
                break;
            }
            address += chunk;
        }
        return done;
    }

    /**
     * Maps the 4 KiB page at {@code virtualAddress} to {@code physicalAddress}, creating the table pages on the way;
     * writable pages are no-execute, read-only ones executable (see {@link #map(long, long, boolean, boolean)}).
     */
    public void map(long virtualAddress, long physicalAddress, boolean writable) {
        map(virtualAddress, physicalAddress, writable, !writable);
    }

    /**
     * Maps the 4 KiB page at {@code virtualAddress} to {@code physicalAddress} with the given protection, creating
     * missing PDPT, page-directory and page-table pages (present and writable; protection sits in the leaf entry).
     * A previous mapping of the page is replaced. IllegalArgumentException for an unaligned or non-canonical
     * address or a frame outside RAM; IllegalStateException if a large page already covers the address.
     */
    public void map(long virtualAddress, long physicalAddress, boolean writable, boolean executable) {
        if (!X64Paging.isCanonical(virtualAddress) || (virtualAddress & (PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("not a canonical page address: 0x" + Long.toHexString(virtualAddress));
        }
        if ((physicalAddress & ~X64Paging.FRAME_MASK) != 0 || physicalAddress >= memory.size()) {
            throw new IllegalArgumentException("not a page frame in RAM: 0x" + Long.toHexString(physicalAddress));
        }
        long table = cr3;
        for (int level = LEVELS; level > 1; level--) {
            long entryAddress = table + (long) X64Paging.index(virtualAddress, level) * X64Paging.ENTRY_SIZE;
            long entry = memory.readU64(entryAddress);
            if ((entry & X64Paging.PRESENT) == 0) {
                entry = memory.allocatePage() | X64Paging.PRESENT | X64Paging.WRITABLE;
                writeEntry(entryAddress, entry);
            } else if ((entry & X64Paging.LARGE_PAGE) != 0) {
                throw new IllegalStateException("a large page already maps 0x" + Long.toHexString(virtualAddress));
            }
            table = entry & X64Paging.FRAME_MASK;
        }
        long leaf = physicalAddress | X64Paging.PRESENT | (writable ? X64Paging.WRITABLE : 0)
                | (executable ? 0 : X64Paging.NO_EXECUTE);
        writeEntry(table + (long) X64Paging.index(virtualAddress, 1) * X64Paging.ENTRY_SIZE, leaf);
    }

    private void writeEntry(long physicalAddress, long entry) {
        byte[] bytes = new byte[X64Paging.ENTRY_SIZE];
        WireBytes.wrap(bytes).putLong(0, entry);
        memory.write(physicalAddress, bytes);
    }

    private long physicalInRam(long virtualAddress) {
        long physical = translate(virtualAddress);
        return physical >= memory.size() ? -1 : physical;
    }

    private static int chunkInPage(long virtualAddress, int remaining) {
        return (int) Math.min(remaining, PAGE_SIZE - (virtualAddress & (PAGE_SIZE - 1)));
    }

    private static boolean wrapsAround(long address, int chunk) {
        return Long.compareUnsigned(address + chunk, address) < 0;
    }
}
