package dev.kdnet.host.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The debugger's breakpoints by address with their ids (each the lowest id free when it was set, kept while it
 * exists), which of them the target has removed (kd-protocol §3.4: a stop removes every breakpoint in [PC, PC+16))
 * and which the user disabled. Thread-safe.
 */
final class BreakpointBook {
    /** The bytes after the PC whose breakpoints a stop removes. */
    static final int STOP_WINDOW = 16;

    private final Map<Long, Breakpoint> byAddress = new TreeMap<>(Long::compareUnsigned);

    /** The target placed the breakpoint at {@code address} with {@code handle}: a new one, or one enabled again. */
    synchronized void armed(long address, int handle) {
        Breakpoint known = byAddress.get(address);
        byAddress.put(address, new Breakpoint(known != null ? known.id() : lowestFreeId(), address, handle, true,
                true));
    }

    /**
     * A breakpoint at the PC of the stop, enabled but not yet in the target (as if the stop had removed it): the
     * debugger writes it once the target stepped past it. Keeps the id of one already there.
     */
    synchronized Breakpoint atThePc(long address) {
        Breakpoint known = byAddress.get(address);
        Breakpoint pending = new Breakpoint(known != null ? known.id() : lowestFreeId(), address, 0, false, true);
        byAddress.put(address, pending);
        return pending;
    }

    /** The breakpoint at {@code address} is disabled: kept with its id, not in the target. */
    synchronized void disabled(long address) {
        byAddress.computeIfPresent(address, (a, b) -> new Breakpoint(b.id(), a, b.handle(), false, false));
    }

    private int lowestFreeId() {
        Set<Integer> used = byAddress.values().stream().map(Breakpoint::id).collect(Collectors.toSet());
        int id = 0;
        while (used.contains(id)) {
            id++;
        }
        return id;
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
        removed.forEach(b -> byAddress.put(b.address(), new Breakpoint(b.id(), b.address(), b.handle(), false,
                true)));
        return removed;
    }

    /** The enabled breakpoints the target removed, except the one at {@code pc} (which must be stepped over first). */
    synchronized List<Breakpoint> disarmedAwayFrom(long pc) {
        return byAddress.values().stream().filter(b -> b.enabled() && !b.armed() && b.address() != pc).toList();
    }

    /** True if the debugger's enabled breakpoint at {@code pc} is disarmed (the target stopped on it). */
    synchronized boolean disarmedAt(long pc) {
        Breakpoint b = byAddress.get(pc);
        return b != null && b.enabled() && !b.armed();
    }

    /** Forgets everything (the target rebooted). */
    synchronized void clear() {
        byAddress.clear();
    }
}
