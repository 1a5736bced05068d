package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.WireBytes;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sparse simulated physical memory of 4 KiB pages. Addresses {@code 0 .. size()-1} exist; a page is stored only once
 * something non-zero has been written to it, so absent pages read as zero and a large RAM costs nothing.
 *
 * <p>Reads and writes may run on several threads at once: each page appears atomically, and like real RAM,
 * concurrent writes to the same bytes may interleave. {@link #allocatePage()} hands out frames bottom-up from
 * 1 MiB (the first megabyte stays free, as on a PC) and never reuses them, which keeps a build deterministic.
 */
public final class PhysicalMemory {
    /** Bytes in a page. */
    public static final int PAGE_SIZE = 4096;
    private static final int PAGE_SHIFT = 12;
    private static final long FIRST_ALLOCATED_FRAME = 0x10_0000;

    private final long size;
    private final ConcurrentHashMap<Long, byte[]> pages = new ConcurrentHashMap<>();
    private long nextFrame = FIRST_ALLOCATED_FRAME;

    /** RAM of {@code sizeBytes} bytes, all zero; IllegalArgumentException unless a positive multiple of 4 KiB. */
    public PhysicalMemory(long sizeBytes) {
        if (sizeBytes <= 0 || sizeBytes % PAGE_SIZE != 0) {
            throw new IllegalArgumentException("RAM size must be a positive multiple of 4 KiB, not " + sizeBytes);
        }
        this.size = sizeBytes;
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
            if (page == null && !isZero(data, done, chunk)) {
                page = pages.computeIfAbsent(address >>> PAGE_SHIFT, frame -> new byte[PAGE_SIZE]);
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
        pages.remove(frame >>> PAGE_SHIFT);
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
        return page == null ? 0 : WireBytes.wrap(page).getLong((int) (physicalAddress & (PAGE_SIZE - Long.BYTES)));
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
