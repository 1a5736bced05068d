package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;

/**
 * One simulated processor: its CONTEXT and KSPECIAL_REGISTERS, kept in step with KPRCB.ProcessorState in memory
 * (KSPECIAL_REGISTERS at +0, CONTEXT at +0xE0) so control space, Get/SetContext and memory reads agree. When the
 * debugger breaks in, the interrupted context is kept and comes back when the CPU returns from
 * DbgBreakPointWithStatus.
 */
final class CpuState {
    private static final int CONTEXT_OFFSET = KSpecialRegisters.LENGTH;

    private final AddressSpace memory;
    private final CpuSymbols symbols;
    private X64Context context;
    private KSpecialRegisters special;
    private X64Context interrupted;

    CpuState(AddressSpace memory, CpuSymbols symbols, X64Context context, KSpecialRegisters special) {
        this.memory = memory;
        this.symbols = symbols;
        this.context = context;
        this.special = special;
        storeProcessorState();
    }

    CpuSymbols symbols() {
        return symbols;
    }

    X64Context context() {
        return context;
    }

    long rip() {
        return context.get(X64Register.RIP);
    }

    void setContext(X64Context context) {
        this.context = context;
        storeProcessorState();
    }

    /** Moves the CPU on while it runs; memory is brought up to date when it stops ({@link #storeProcessorState}). */
    void advance(X64Context context) {
        this.context = context;
    }

    KSpecialRegisters special() {
        return special;
    }

    void setSpecial(KSpecialRegisters special) {
        this.special = special;
        storeProcessorState();
    }

    void setSpecial(KSpecialRegister field, long value) {
        setSpecial(special.with(field, value));
    }

    /** Enters DbgBreakPointWithStatus(status) at {@code breakpoint}: the current context is kept to return to. */
    void enterBreakpointRoutine(long breakpoint, long status) {
        if (interrupted == null) {
            interrupted = context;
        }
        setContext(context.with(X64Register.RIP, breakpoint).with(X64Register.RCX, status));
    }

    /** Returns from DbgBreakPointWithStatus to the interrupted context, if the CPU is inside it. */
    boolean returnFromBreakpointRoutine() {
        if (interrupted == null) {
            return false;
        }
        setContext(interrupted);
        interrupted = null;
        return true;
    }

    boolean insideBreakpointRoutine() {
        return interrupted != null;
    }

    /** Writes the registers into KPRCB.ProcessorState, as a processor entering the debugger does. */
    void storeProcessorState() {
        memory.write(symbols.processorState(), special.encode());
        memory.write(symbols.processorState() + CONTEXT_OFFSET, context.encode());
    }
}
