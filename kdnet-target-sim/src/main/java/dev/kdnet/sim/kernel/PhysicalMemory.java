package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.load.LoadPattern;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sparse simulated physical memory of 4 KiB pages. Addresses {@code 0 .. size()-1} exist; a page is stored only once
 * something non-zero has been written to it, so absent pages read as zero and a large RAM costs nothing.
 *
 * <p>Reads and writes may run on several threads at once: each page appears atomically, and like real RAM,
 * concurrent writes to the same bytes may interleave. {@link #allocatePage()} hands out frames bottom-up from
 * 1 MiB (the first megabyte stays free, as on a PC) and never reuses them, which keeps a build deterministic.
 *
 * <p>With a load seed, the pages of {@link LoadPattern}'s region read as its seeded pattern instead of zero until
 * written (a write starts from the pattern): what a load test reads there, it can check.
 */
public final class PhysicalMemory {
    /** Bytes in a page. */
    public static final int PAGE_SIZE = 4096;
    private static final int PAGE_SHIFT = 12;
    private static final long FIRST_ALLOCATED_FRAME = 0x10_0000;

    private final long size;
    private final OptionalLong loadSeed;
    private final ConcurrentHashMap<Long, byte[]> pages = new ConcurrentHashMap<>();
    private long nextFrame = FIRST_ALLOCATED_FRAME;

    /** RAM of {@code sizeBytes} bytes, all zero; IllegalArgumentException unless a positive multiple of 4 KiB. */
    public PhysicalMemory(long sizeBytes) {
        this(sizeBytes, OptionalLong.empty());
    }

    /**
     * RAM of {@code sizeBytes} bytes whose load region, where it has one, reads as {@link LoadPattern} with
     * {@code loadSeed} (if given) and the rest as zero.
     */
    public PhysicalMemory(long sizeBytes, OptionalLong loadSeed) {
        if (sizeBytes <= 0 || sizeBytes % PAGE_SIZE != 0) {
            throw new IllegalArgumentException("RAM size must be a positive multiple of 4 KiB, not " + sizeBytes);
        }
        this.size = sizeBytes;
        this.loadSeed = Objects.requireNonNull(loadSeed, "loadSeed");
    }

    /** Bytes of RAM. */
    public long size() {
        return size;
    }

    /**
     * Up to {@code length} bytes from {@code physicalAddress}; shorter only where RAM ends (empty for an address
     * outside RAM or a length below one). Never throws.
     */
    public byte[] read(long physicalAddress, int length) {
        byte[] out = new byte[available(physicalAddress, length)];
        int done = 0;
        while (done < out.length) {
            long address = physicalAddress + done;
            int offset = (int) (address & (PAGE_SIZE - 1));
            int chunk = Math.min(out.length - done, PAGE_SIZE - offset);
            byte[] page = pages.get(address >>> PAGE_SHIFT);
            if (page != null) {
                System.arraycopy(page, offset, out, done, chunk);
            } else if (patterned(address)) {
                LoadPattern.fill(loadSeed.getAsLong(), address, out, done, chunk);
            }
            done += chunk;
        }
        return out;
    }

    /** Writes {@code data} at {@code physicalAddress}; returns the bytes written, fewer only where RAM ends. */
    public int write(long physicalAddress, byte[] data) {
        Objects.requireNonNull(data, "data");
        int count = available(physicalAddress, data.length);
        int done = 0;
        while (done < count) {
            long address = physicalAddress + done;
            int offset = (int) (address & (PAGE_SIZE - 1));
            int chunk = Math.min(count - done, PAGE_SIZE - offset);
            byte[] page = pages.get(address >>> PAGE_SHIFT);
            if (page == null && (patterned(address) || !isZero(data, done, chunk))) {
                page = pages.computeIfAbsent(address >>> PAGE_SHIFT, this::freshPage);
            }
            if (page != null) {
                System.arraycopy(data, done, page, offset, chunk);
            }
            done += chunk;
        }
        return count;
    }

    /**
     * A fresh, zeroed page frame for the kernel builder (page tables, image pages, pool): its physical address.
     * IllegalStateException once RAM is used up.
     */
    public synchronized long allocatePage() {
        if (nextFrame > size - PAGE_SIZE) {
            throw new IllegalStateException("physical memory exhausted at 0x" + Long.toHexString(nextFrame));
        }
        long frame = nextFrame;
        nextFrame += PAGE_SIZE;
        if (patterned(frame)) {
            pages.put(frame >>> PAGE_SHIFT, new byte[PAGE_SIZE]);
        } else {
            pages.remove(frame >>> PAGE_SHIFT);
        }
        return frame;
    }

    /** The end of the frames {@link #allocatePage()} has handed out so far. */
    synchronized long allocationTop() {
        return nextFrame;
    }

    /** The 64-bit value at an 8-byte aligned {@code physicalAddress}; 0 outside RAM (how a page walk sees it). */
    long readU64(long physicalAddress) {
        if (physicalAddress < 0 || physicalAddress > size - Long.BYTES) {
            return 0;
        }
        byte[] page = pages.get(physicalAddress >>> PAGE_SHIFT);
        if (page == null && patterned(physicalAddress)) {
            return WireBytes.wrap(read(physicalAddress, Long.BYTES)).getLong(0);
        }
        return page == null ? 0 : WireBytes.wrap(page).getLong((int) (physicalAddress & (PAGE_SIZE - Long.BYTES)));
    }

    /** True if an absent page at {@code address} reads as the load pattern. */
    private boolean patterned(long address) {
        return loadSeed.isPresent() && LoadPattern.inRegion(address);
    }

    /** A page as it reads before its first write: the load pattern in the load region, zero elsewhere. */
    private byte[] freshPage(long frame) {
        byte[] page = new byte[PAGE_SIZE];
        long address = frame << PAGE_SHIFT;
        if (patterned(address)) {
            LoadPattern.fill(loadSeed.getAsLong(), address, page, 0, PAGE_SIZE);
        }
        return page;
    }

    private int available(long address, int length) {
        if (length <= 0 || address < 0 || address >= size) {
            return 0;
        }
        return (int) Math.min(length, size - address);
    }

    private static boolean isZero(byte[] data, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
