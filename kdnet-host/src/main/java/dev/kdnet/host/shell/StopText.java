package dev.kdnet.host.shell;

import dev.kdnet.host.api.Breakpoint;
import dev.kdnet.host.api.Stop;
import dev.kdnet.protocol.dbgkd.NtStatus;
import java.util.List;

/** What WinDbg says when the target stops. */
public final class StopText {
    private StopText() {
    }

    /**
     * {@code Breakpoint N hit} for a breakpoint exception at one of the enabled {@code breakpoints}, otherwise
     * {@link #describe(Stop)}.
     */
    public static String describe(Stop stop, List<Breakpoint> breakpoints) {
        return breakpoints.stream().filter(b -> stop.exceptionCode() == NtStatus.BREAKPOINT && b.enabled()
                && b.address() == stop.pc()).findFirst().map(b -> "Breakpoint " + b.id() + " hit")
                .orElseGet(() -> describe(stop));
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
