package dev.kdnet.host.api;

/**
 * A software breakpoint the debugger placed.
 *
 * @param address where it is
 * @param handle  the target's handle (meaningful only while {@code armed})
 * @param armed   false while the target has removed it (after a stop in [PC, PC+16)); the debugger writes it again
 *                before the target runs on
 */
public record Breakpoint(long address, int handle, boolean armed) {
    @Override
    public String toString() {
        return String.format("Breakpoint[0x%016X, handle %d%s]", address, handle, armed ? "" : ", disarmed");
    }
}
