package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.X64Register;
import java.util.Optional;

/**
 * Executes the synthetic instruction stream one instruction at a time: an {@code int3} stops the CPU with
 * STATUS_BREAKPOINT at its address (RIP is not advanced, as for BREAKPOINT_BREAK), unmapped code stops it with
 * STATUS_ACCESS_VIOLATION, the {@code ret} of DbgBreakPointWithStatus returns to the interrupted context, and any
 * byte outside the stream's instruction set executes as a one-byte instruction.
 */
final class SyntheticCpu {
    /** Instructions between the start points of consecutive CPUs in the stream. */
    private static final int CPU_SPACING = 97;
    private static final int MAX_INSTRUCTION = 16;

    private final AddressSpace memory;
    private final KernelSymbols symbols;

    SyntheticCpu(AddressSpace memory, KernelSymbols symbols) {
        this.memory = memory;
        this.symbols = symbols;
    }

    /** Where CPU {@code index} starts: an instruction boundary a few instructions into the stream. */
    long startOf(int index) {
        long rip = symbols.codeStart();
        for (int n = 0; n < index * CPU_SPACING; n++) {
            byte[] code = memory.read(rip, MAX_INSTRUCTION);
            rip += SyntheticInstruction.decode(code).map(SyntheticInstruction::length).orElse(1);
        }
        return rip;
    }

    /** Executes one instruction of {@code cpu}; a stop if it could not. */
    Optional<Stop> step(int index, CpuState cpu) {
        long rip = cpu.rip();
        if (rip == symbols.breakpointWithStatus() + 1 && cpu.returnFromBreakpointRoutine()) {
            return Optional.empty();
        }
        byte[] code = memory.read(rip, MAX_INSTRUCTION);
        if (code.length == 0) {
            return Optional.of(new Stop(index, NtStatus.ACCESS_VIOLATION, rip));
        }
        if (code[0] == BreakpointTable.INT3) {
            return Optional.of(new Stop(index, NtStatus.BREAKPOINT, rip));
        }
        Optional<SyntheticInstruction> instruction = SyntheticInstruction.decode(code);
        cpu.advance(instruction.map(i -> i.execute(cpu.context(), code))
                .orElseGet(() -> cpu.context().with(X64Register.RIP, rip + 1)));
        return Optional.empty();
    }
}
