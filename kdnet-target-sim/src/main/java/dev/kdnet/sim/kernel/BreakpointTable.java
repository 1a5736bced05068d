package dev.kdnet.sim.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The kernel's software breakpoints (kd-protocol §3.2 WriteBreakPoint/RestoreBreakPoint): 32 slots, handle =
 * slot + 1. Writing one saves the byte at the address and puts {@code int3} (0xCC) there; restoring puts the byte
 * back. Memory reads see the 0xCC while a breakpoint is in place, as on a kernel that does not filter reads.
 */
public final class BreakpointTable {
    /** Number of slots (BREAKPOINT_TABLE_SIZE). */
    public static final int SLOTS = 32;
    /** The int3 opcode. */
    public static final byte INT3 = (byte) 0xCC;

    private record Slot(long address, byte original) {
    }

    private final AddressSpace memory;
    private final Slot[] slots = new Slot[SLOTS];

    /** A table that patches {@code memory}. */
    public BreakpointTable(AddressSpace memory) {
        this.memory = memory;
    }

    /**
     * Places a breakpoint at {@code address}; empty if it already holds one, no slot is free, or the byte is not
     * mapped.
     */
    public OptionalInt write(long address) {
        if (indexOf(address) >= 0) {
            return OptionalInt.empty();
        }
        byte[] original = memory.read(address, 1);
        int free = indexOf(null);
        if (original.length != 1 || free < 0 || memory.write(address, new byte[] {INT3}) != 1) {
            return OptionalInt.empty();
        }
        slots[free] = new Slot(address, original[0]);
        return OptionalInt.of(free + 1);
    }

    /** Removes the breakpoint with {@code handle}, restoring its byte; false if the handle is not in use. */
    public boolean restore(int handle) {
        if (handle < 1 || handle > SLOTS || slots[handle - 1] == null) {
            return false;
        }
        Slot slot = slots[handle - 1];
        memory.write(slot.address(), new byte[] {slot.original()});
        slots[handle - 1] = null;
        return true;
    }

    /** True if one of the table's breakpoints is at {@code address}. */
    public boolean isBreakpoint(long address) {
        return indexOf(address) >= 0;
    }

    /**
     * Removes every breakpoint in [{@code from}, {@code to}), as a kernel does before reporting a stop there
     * (kd-protocol §3.4); returns the handles removed.
     */
    public List<Integer> removeIn(long from, long to) {
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] != null && Long.compareUnsigned(slots[i].address(), from) >= 0
                    && Long.compareUnsigned(slots[i].address(), to) < 0) {
                restore(i + 1);
                removed.add(i + 1);
            }
        }
        return removed;
    }

    /** Addresses of the breakpoints in place, by handle order. */
    public List<Long> addresses() {
        List<Long> addresses = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot != null) {
                addresses.add(slot.address());
            }
        }
        return addresses;
    }

    private int indexOf(Long address) {
        for (int i = 0; i < SLOTS; i++) {
            if (address == null ? slots[i] == null : slots[i] != null && slots[i].address() == address) {
                return i;
            }
        }
        return -1;
    }
}
