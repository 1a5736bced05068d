package dev.kdnet.sim.kernel;

import dev.kdnet.protocol.dbgkd.GetVersion64;
import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.X64Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A simulated Windows x64 kernel as its debugger stub sees it: the memory image of {@link KernelImage}, one
 * {@link CpuState} per processor, the breakpoint table, and CPUs that execute the synthetic instruction stream
 * while running. Single-threaded: the target's event loop drives it.
 */
public final class SimulatedKernel {
    /** ProcessorLevel reported in state changes (CPU family 6). */
    public static final int PROCESSOR_LEVEL = 6;
    /** DBG_STATUS_CONTROL_C: RCX when the debugger broke in. */
    public static final long DBG_STATUS_CONTROL_C = 1;
    /** Bytes of code a stop report carries, and the range whose breakpoints a stop removes. */
    public static final int REPORTED_CODE_BYTES = 16;

    private final KernelConfig config;
    private final KernelImage image;
    private final BreakpointTable breakpoints;
    private final List<CpuState> cpus = new ArrayList<>();
    private final SyntheticCpu executor;
    private final ModelSpecificRegisters msrs = new ModelSpecificRegisters();
    private final Map<Integer, Integer> ioPorts = new HashMap<>();
    private boolean running;
    private boolean singleStep;
    private int currentCpu;

    /** Boots a kernel: builds its memory, writes the instruction stream, sets every CPU at its start. */
    public SimulatedKernel(KernelConfig config) {
        this.config = config;
        this.image = KernelImage.build(config.build(), config.cpus(), config.loadSeed());
        KernelSymbols symbols = image.symbols();
        AddressSpace memory = image.virtual();
        int codeLength = (int) (symbols.codeEnd() - symbols.codeStart());
        memory.write(symbols.codeStart(), SyntheticInstruction.stream(codeLength, config.build().buildNumber()));
        this.breakpoints = new BreakpointTable(memory);
        this.executor = new SyntheticCpu(memory, symbols);
        for (int i = 0; i < config.cpus(); i++) {
            CpuSymbols cpu = symbols.cpus().get(i);
            cpus.add(new CpuState(memory, cpu, InitialRegisters.context(symbols, cpu, executor.startOf(i)),
                    InitialRegisters.special(symbols, cpu, memory.cr3())));
        }
    }

    /** The configuration this kernel booted with. */
    public KernelConfig config() {
        return config;
    }

    /** Addresses of the kernel's structures. */
    public KernelSymbols symbols() {
        return image.symbols();
    }

    /** Virtual memory (through CR3). */
    public AddressSpace memory() {
        return image.virtual();
    }

    /** Physical memory. */
    public PhysicalMemory physical() {
        return image.physical();
    }

    /** The software breakpoints. */
    public BreakpointTable breakpoints() {
        return breakpoints;
    }

    /** The GetVersion64 answer of this kernel. */
    public GetVersion64 version() {
        KernelSymbols s = image.symbols();
        return config.build().version(s.kernBase(), s.psLoadedModuleList(), s.debuggerDataList());
    }

    /** Number of processors. */
    public int cpuCount() {
        return cpus.size();
    }

    /** The processor that reports stops (the one that stopped last, or the one switched to). */
    public int currentCpu() {
        return currentCpu;
    }

    /** Makes {@code cpu} the reporting processor. */
    public void switchTo(int cpu) {
        currentCpu = cpu;
    }

    /** The CONTEXT of {@code cpu}. */
    public X64Context context(int cpu) {
        return cpus.get(cpu).context();
    }

    /** Replaces the CONTEXT of {@code cpu}. */
    public void setContext(int cpu, X64Context context) {
        cpus.get(cpu).setContext(context);
    }

    /** The KSPECIAL_REGISTERS of {@code cpu}. */
    public KSpecialRegisters specialRegisters(int cpu) {
        return cpus.get(cpu).special();
    }

    /** Replaces the KSPECIAL_REGISTERS of {@code cpu}. */
    public void setSpecialRegisters(int cpu, KSpecialRegisters registers) {
        cpus.get(cpu).setSpecial(registers);
    }

    /** The KPCR, KPRCB and KTHREAD addresses and stack of {@code cpu}. */
    public CpuSymbols cpuSymbols(int cpu) {
        return cpus.get(cpu).symbols();
    }

    /** Reads MSR {@code msr} of {@code cpu}; empty if the processor has no such MSR. */
    public OptionalLong readMsr(int cpu, int msr) {
        return msrs.read(cpus.get(cpu), msr);
    }

    /** Writes MSR {@code msr} of {@code cpu}; false if the processor has no such MSR. */
    public boolean writeMsr(int cpu, int msr, long value) {
        return msrs.write(cpus.get(cpu), msr, value);
    }

    /**
     * Reads an I/O port: what was last written there, or all ones (no device), {@code size} bytes wide. Only the low
     * 16 bits of {@code port} count, as the {@code in} instruction the HAL's READ_PORT_* routines execute takes its
     * port in DX; so the ports remembered stay within the 64 Ki of the x86 I/O space whatever addresses a debugger
     * sends.
     */
    public int readIoPort(long port, int size) {
        int value = ioPorts.getOrDefault(ioPort(port), -1);
        return size == 4 ? value : value & ((1 << (8 * size)) - 1);
    }

    /** Writes an I/O port (the low 16 bits of {@code port}, as {@link #readIoPort}). */
    public void writeIoPort(long port, int value) {
        ioPorts.put(ioPort(port), value);
    }

    private static int ioPort(long address) {
        return (int) (address & 0xFFFF);
    }

    /** True while the CPUs run (between a continue and the next stop). */
    public boolean isRunning() {
        return running;
    }

    /**
     * Resumes every CPU. A CPU stopped inside DbgBreakPointWithStatus (at its int3 or the ret after it) returns to
     * where it was interrupted. With {@code singleStep}, only the reporting CPU executes, one instruction.
     */
    public void resume(boolean singleStep, long dr7) {
        for (CpuState cpu : cpus) {
            cpu.setSpecial(cpu.special().with(KSpecialRegister.KERNEL_DR7, dr7).with(KSpecialRegister.KERNEL_DR6, 0));
            long rip = cpu.rip();
            long routine = image.symbols().breakpointWithStatus();
            if (!singleStep && (rip == routine || rip == routine + 1)) {
                cpu.returnFromBreakpointRoutine();
            }
        }
        this.singleStep = singleStep;
        this.running = true;
    }

    /**
     * Runs the CPUs for one tick ({@link KernelConfig#instructionsPerTick} instructions each, or one instruction
     * of the reporting CPU when single-stepping); returns the stop if one happened.
     */
    public Optional<Stop> run() {
        if (!running) {
            return Optional.empty();
        }
        if (singleStep) {
            CpuState cpu = cpus.get(currentCpu);
            Optional<Stop> hit = executor.step(currentCpu, cpu);
            return Optional.of(stop(hit.orElse(new Stop(currentCpu, NtStatus.SINGLE_STEP, cpu.rip()))));
        }
        for (int n = 0; n < config.instructionsPerTick(); n++) {
            for (int i = 0; i < cpus.size(); i++) {
                Optional<Stop> hit = executor.step(i, cpus.get(i));
                if (hit.isPresent()) {
                    return Optional.of(stop(hit.get()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Stops every CPU as a break-in does: the reporting CPU enters DbgBreakPointWithStatus(DBG_STATUS_CONTROL_C),
     * so its PC is the int3 at BreakpointWithStatus and RCX is 1 (kd-protocol §2.7).
     */
    public Stop breakIn() {
        CpuState cpu = cpus.get(currentCpu);
        cpu.enterBreakpointRoutine(image.symbols().breakpointWithStatus(), DBG_STATUS_CONTROL_C);
        return stop(new Stop(currentCpu, NtStatus.BREAKPOINT, cpu.rip()));
    }

    /** The code bytes at {@code pc} a stop report carries (after its breakpoints were removed). */
    public byte[] codeAt(long pc) {
        return image.virtual().read(pc, REPORTED_CODE_BYTES);
    }

    private Stop stop(Stop stop) {
        running = false;
        singleStep = false;
        currentCpu = stop.cpu();
        cpus.forEach(CpuState::storeProcessorState);
        breakpoints.removeIn(stop.pc(), stop.pc() + REPORTED_CODE_BYTES);
        return stop;
    }
}
