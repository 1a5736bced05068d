package dev.kdnet.host.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The debugger's breakpoints by address, and which of them the target has removed (kd-protocol §3.4: a stop
 * removes every breakpoint in [PC, PC+16)). Thread-safe.
 */
final class BreakpointBook {
    /** The bytes after the PC whose breakpoints a stop removes. */
    static final int STOP_WINDOW = 16;

    private final Map<Long, Breakpoint> byAddress = new TreeMap<>(Long::compareUnsigned);

    synchronized void armed(long address, int handle) {
        byAddress.put(address, new Breakpoint(address, handle, true));
    }

    /** Remembers a breakpoint the target does not hold yet (one under the PC, written once the CPU moved on). */
    synchronized void disarmed(long address) {
        byAddress.put(address, new Breakpoint(address, 0, false));
    }

    synchronized Optional<Breakpoint> remove(long address) {
        return Optional.ofNullable(byAddress.remove(address));
    }

    synchronized Optional<Breakpoint> at(long address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    synchronized List<Breakpoint> list() {
        return List.copyOf(byAddress.values());
    }

    /** Marks the breakpoints in [pc, pc+16) disarmed; returns them. */
    synchronized List<Breakpoint> stoppedAt(long pc) {
        List<Breakpoint> removed = new ArrayList<>();
        for (Breakpoint b : byAddress.values()) {
            long offset = b.address() - pc;
            if (b.armed() && Long.compareUnsigned(offset, STOP_WINDOW) < 0) {
                removed.add(b);
            }
        }
        removed.forEach(b -> byAddress.put(b.address(), new Breakpoint(b.address(), b.handle(), false)));
        return removed;
    }

    /** The disarmed breakpoints except the one at {@code pc} (which must be stepped over first). */
    synchronized List<Breakpoint> disarmedAwayFrom(long pc) {
        return byAddress.values().stream().filter(b -> !b.armed() && b.address() != pc).toList();
    }

    /** True if the debugger's breakpoint at {@code pc} is disarmed (the target stopped on it). */
    synchronized boolean disarmedAt(long pc) {
        Breakpoint b = byAddress.get(pc);
        return b != null && !b.armed();
    }

    /** Forgets everything (the target rebooted). */
    synchronized void clear() {
        byAddress.clear();
    }
}
