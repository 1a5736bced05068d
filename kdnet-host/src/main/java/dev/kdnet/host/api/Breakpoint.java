package dev.kdnet.host.api;

/**
 * A software breakpoint the debugger placed.
 *
 * @param id      its number, stable while it exists: the lowest number free when it was set (WinDbg's breakpoint id)
 * @param address where it is
 * @param handle  the target's handle (meaningful only while {@code armed})
 * @param armed   true while the target has it in place; false while the target has removed it (after a stop in
 *                [PC, PC+16), when the debugger writes it again before the target runs on) and while it is disabled
 * @param enabled false once disabled ({@link Debugger#disableBreakpoint}): kept, with its id, but not in the target
 */
public record Breakpoint(int id, long address, int handle, boolean armed, boolean enabled) {
    @Override
    public String toString() {
        return String.format("Breakpoint[%d at 0x%016X, handle %d%s]", id, address, handle,
                !enabled ? ", disabled" : armed ? "" : ", disarmed");
    }
}
