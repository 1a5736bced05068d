package dev.kdnet.host.shell;

import dev.kdnet.host.api.Stop;
import dev.kdnet.protocol.dbgkd.NtStatus;

/** What WinDbg says when the target stops. */
public final class StopText {
    private StopText() {
    }

    /** E.g. {@code Break instruction exception - code 80000003 (first chance) on CPU 0 at fffff804`7a001010}. */
    public static String describe(Stop stop) {
        String what = switch (stop.exceptionCode()) {
            case NtStatus.BREAKPOINT -> "Break instruction exception";
            case NtStatus.SINGLE_STEP -> "Single step exception";
            case 0 -> "Load symbols stop";
            default -> "Exception";
        };
        return String.format("%s - code %08x (%s chance) on CPU %d at %s", what, stop.exceptionCode(),
                stop.firstChance() ? "first" : "second", stop.cpu(), Hex.address(stop.pc()));
    }
}
