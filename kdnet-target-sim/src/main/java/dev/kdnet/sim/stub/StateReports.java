package dev.kdnet.sim.stub;

import dev.kdnet.protocol.dbgkd.ControlReport;
import dev.kdnet.protocol.dbgkd.ExceptionRecord64;
import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.LoadSymbols64;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.sim.kernel.LoadedModule;
import dev.kdnet.sim.kernel.SimulatedKernel;
import dev.kdnet.sim.kernel.Stop;

/**
 * Builds the STATE_CHANGE64 reports a Windows kernel sends when it stops (kd-protocol §3.4–§3.6): exceptions with
 * the AMD64 control report of the reporting CPU, and the LoadSymbols report for the kernel image.
 */
final class StateReports {
    /** BREAKPOINT_BREAK: ExceptionInformation[0] of a real int3 or a break-in. */
    private static final long BREAKPOINT_BREAK = 0;

    private final SimulatedKernel kernel;

    StateReports(SimulatedKernel kernel) {
        this.kernel = kernel;
    }

    /** The exception report of {@code stop}. */
    StateChange64 exception(Stop stop) {
        ExceptionRecord64 record = stop.exceptionCode() == NtStatus.BREAKPOINT
                ? ExceptionRecord64.of(stop.exceptionCode(), stop.pc(), true, BREAKPOINT_BREAK)
                : ExceptionRecord64.of(stop.exceptionCode(), stop.pc(), true);
        return StateChange64.exception(SimulatedKernel.PROCESSOR_LEVEL, stop.cpu(), kernel.cpuCount(),
                kernel.cpuSymbols(stop.cpu()).kthread(), stop.pc(), record, controlReport(stop.cpu(), stop.pc()));
    }

    /** The LoadSymbols report for ntoskrnl, made at {@code stop}. */
    StateChange64 loadKernelSymbols(Stop stop) {
        LoadedModule nt = kernel.symbols().modules().get(0);
        return StateChange64.loadSymbols(SimulatedKernel.PROCESSOR_LEVEL, stop.cpu(), kernel.cpuCount(),
                kernel.cpuSymbols(stop.cpu()).kthread(), stop.pc(),
                LoadSymbols64.of(nt.base(), LoadSymbols64.KERNEL_PROCESS_ID, nt.checksum(), nt.size(), false),
                nt.path(), controlReport(stop.cpu(), stop.pc()));
    }

    private ControlReport controlReport(int cpu, long pc) {
        X64Context context = kernel.context(cpu);
        KSpecialRegisters special = kernel.specialRegisters(cpu);
        return ControlReport.of(special.get(KSpecialRegister.KERNEL_DR6), special.get(KSpecialRegister.KERNEL_DR7),
                (int) context.get(X64Register.EFLAGS), kernel.codeAt(pc), (int) context.get(X64Register.CS),
                (int) context.get(X64Register.DS), (int) context.get(X64Register.ES),
                (int) context.get(X64Register.FS));
    }
}
