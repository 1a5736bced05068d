package dev.kdnet.sim.kernel;

/**
 * A bump allocator over a range of kernel virtual addresses, handing out zeroed memory in order (which keeps the
 * build deterministic). An arena over an image section uses pages already mapped; a pool arena maps fresh pages
 * as allocations reach them and can leave unmapped guard pages. Running out of range is a layout bug
 * (IllegalStateException).
 */
final class VirtualArena {
    private static final int PAGE_SIZE = PhysicalMemory.PAGE_SIZE;

    private final KernelMemory memory;
    private final String name;
    private final long end;
    private long next;
    private long mappedEnd;

    private VirtualArena(KernelMemory memory, String name, long start, long end, long mappedEnd) {
        this.memory = memory;
        this.name = name;
        this.next = start;
        this.end = end;
        this.mappedEnd = mappedEnd;
    }

    /** An arena over {@code [start, end)}, which is already mapped (e.g. an image's .data section). */
    static VirtualArena overMappedRange(KernelMemory memory, String name, long start, long end) {
        return new VirtualArena(memory, name, start, end, end);
    }

    /** An arena over {@code [start, end)} that maps fresh writable, no-execute pages on demand (a pool). */
    static VirtualArena mappingOnDemand(KernelMemory memory, String name, long start, long end) {
        return new VirtualArena(memory, name, start, end, start);
    }

    /** {@code size} zeroed bytes aligned to {@code alignment} (a power of two): their address. */
    long allocate(int size, int alignment) {
        long address = alignUp(next, alignment);
        if (size < 0 || address + size > end) {
            throw new IllegalStateException(String.format("%s is full: no room for 0x%x bytes at 0x%x", name, size,
                    address));
        }
        next = address + size;
        mapUpTo(next);
        return address;
    }

    /** Allocates room for {@code bytes}, writes them there and returns their address. */
    long place(byte[] bytes, int alignment) {
        long address = allocate(bytes.length, alignment);
        memory.write(address, bytes);
        return address;
    }

    /** Leaves the next whole page unmapped, so that overrunning what comes before it faults (a guard page). */
    void skipPage() {
        if (mappedEnd > alignUp(next, PAGE_SIZE)) {
            throw new IllegalStateException(name + " has no unmapped pages to skip");
        }
        next = alignUp(next, PAGE_SIZE) + PAGE_SIZE;
        mappedEnd = next;
    }

    private void mapUpTo(long address) {
        if (mappedEnd < address) {
            int pages = (int) ((alignUp(address, PAGE_SIZE) - mappedEnd) / PAGE_SIZE);
            memory.mapNewPages(mappedEnd, pages, true, false);
            mappedEnd += (long) pages * PAGE_SIZE;
        }
    }

    private static long alignUp(long address, long alignment) {
        return (address + alignment - 1) & -alignment;
    }
}
