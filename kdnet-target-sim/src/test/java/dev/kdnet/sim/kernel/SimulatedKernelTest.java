package dev.kdnet.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CPU state, breakpoints and execution of the simulated kernel. */
class SimulatedKernelTest {
    private final SimulatedKernel kernel = new SimulatedKernel(KernelConfig.defaults().withCpus(2));

    private Stop runUntilStop() {
        for (int tick = 0; tick < 10_000; tick++) {
            Optional<Stop> stop = kernel.run();
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        throw new AssertionError("the kernel never stopped");
    }

    /** The address {@code n} instructions after the PC of {@code cpu}. */
    private long instructionsAhead(int cpu, int n) {
        long rip = kernel.context(cpu).get(X64Register.RIP);
        for (int i = 0; i < n; i++) {
            rip += SyntheticInstruction.decode(kernel.memory().read(rip, 16)).orElseThrow().length();
        }
        return rip;
    }

    @Test
    void aRebootStoppedAsTheFirstBootWasHasTheSamePhysicalMemory() {
        SimulatedKernel rebooted = new SimulatedKernel(KernelConfig.defaults().withCpus(2));
        for (SimulatedKernel boot : List.of(kernel, rebooted)) {
            // the KD stub's connect sequence: the LoadSymbols stop, then the initial break
            boot.breakIn();
            boot.breakIn();
        }
        long used = kernel.physical().allocationTop();
        assertThat(rebooted.physical().allocationTop()).isEqualTo(used);
        assertThat(rebooted.physical().read(0, (int) used)).isEqualTo(kernel.physical().read(0, (int) used));
    }

    @Test
    void everyCpuStartsInTheCodeRegionOnItsOwnStackWithKernelSelectors() {
        for (int cpu = 0; cpu < 2; cpu++) {
            X64Context context = kernel.context(cpu);
            KernelSymbols symbols = kernel.symbols();
            assertThat(context.get(X64Register.RIP)).isBetween(symbols.codeStart(), symbols.codeEnd() - 1);
            assertThat(context.get(X64Register.RSP)).isLessThan(symbols.cpus().get(cpu).stackTop());
            assertThat(context.get(X64Register.CS)).isEqualTo(0x10);
            assertThat(context.get(X64Register.EFLAGS)).isEqualTo(0x202);
            assertThat(kernel.specialRegisters(cpu).get(KSpecialRegister.CR3)).isEqualTo(kernel.memory().cr3());
            assertThat(kernel.specialRegisters(cpu).get(KSpecialRegister.MSR_GS_BASE))
                    .isEqualTo(symbols.cpus().get(cpu).kpcr());
        }
        assertThat(kernel.context(0).get(X64Register.RIP)).isNotEqualTo(kernel.context(1).get(X64Register.RIP));
    }

    @Test
    void ioPortsAreTheLow16BitsOfTheAddressSoAnyAddressLandsInThe64KiPorts() {
        assertThat(kernel.readIoPort(0x61, 1)).as("no device").isEqualTo(0xFF);
        kernel.writeIoPort(0x1_0000_0061L, 0x12345678);
        assertThat(kernel.readIoPort(0x61, 4)).isEqualTo(0x12345678);
        assertThat(kernel.readIoPort(0xFFFF_FFFF_FFFF_0061L, 2)).isEqualTo(0x5678);
        assertThat(kernel.readIoPort(0x62, 1)).isEqualTo(0xFF);
    }

    @Test
    void processorStateInMemoryAgreesWithTheRegisters() {
        X64Context changed = kernel.context(1).with(X64Register.RBX, 0x1234_5678_9ABCL);
        kernel.setContext(1, changed);
        long state = kernel.cpuSymbols(1).processorState();
        assertThat(kernel.memory().read(state + KSpecialRegisters.LENGTH, X64Context.LENGTH))
                .isEqualTo(changed.encode());
        assertThat(kernel.memory().read(state, KSpecialRegisters.LENGTH))
                .isEqualTo(kernel.specialRegisters(1).encode());
    }

    @Test
    void breakInStopsAtBreakpointWithStatusWithRcxOneAndContinuingReturnsToTheInterruptedCode() {
        X64Context before = kernel.context(0);
        Stop stop = kernel.breakIn();
        long routine = kernel.symbols().breakpointWithStatus();
        assertThat(stop).isEqualTo(new Stop(0, NtStatus.BREAKPOINT, routine));
        assertThat(kernel.context(0).get(X64Register.RIP)).isEqualTo(routine);
        assertThat(kernel.context(0).get(X64Register.RCX)).isEqualTo(SimulatedKernel.DBG_STATUS_CONTROL_C);
        assertThat(kernel.codeAt(routine)).startsWith((byte) 0xCC, (byte) 0xC3);

        kernel.setContext(0, kernel.context(0).with(X64Register.RIP, routine + 1));
        kernel.resume(false, 0x400);
        assertThat(kernel.context(0)).isEqualTo(before);
        assertThat(kernel.isRunning()).isTrue();
    }

    @Test
    void aBreakpointAheadIsHitWithThePcAtTheInt3AndIsRemovedByTheStop() {
        long target = instructionsAhead(0, 40);
        byte original = kernel.memory().read(target, 1)[0];
        int handle = kernel.breakpoints().write(target).orElseThrow();
        assertThat(handle).isEqualTo(1);
        assertThat(kernel.memory().read(target, 1)[0]).isEqualTo(BreakpointTable.INT3);

        kernel.resume(false, 0x400);
        Stop stop = runUntilStop();
        assertThat(stop).isEqualTo(new Stop(0, NtStatus.BREAKPOINT, target));
        assertThat(kernel.context(0).get(X64Register.RIP)).isEqualTo(target);
        assertThat(kernel.memory().read(target, 1)[0]).as("removed at the stop").isEqualTo(original);
        assertThat(kernel.breakpoints().restore(handle)).isFalse();
        assertThat(kernel.isRunning()).isFalse();
    }

    @Test
    void aSingleStepExecutesExactlyOneInstructionOfTheReportingCpu() {
        kernel.breakIn();
        kernel.resume(false, 0x400);
        kernel.breakIn();
        kernel.setContext(0, kernel.context(0).with(X64Register.RIP, kernel.symbols().breakpointWithStatus() + 1));
        kernel.resume(true, 0x400);
        Stop afterRet = kernel.run().orElseThrow();
        assertThat(afterRet.exceptionCode()).isEqualTo(NtStatus.SINGLE_STEP);
        long pc = afterRet.pc();
        long next = instructionsAhead(0, 1);
        long cpu1 = kernel.context(1).get(X64Register.RIP);

        kernel.resume(true, 0x400);
        Stop step = kernel.run().orElseThrow();
        assertThat(step).isEqualTo(new Stop(0, NtStatus.SINGLE_STEP, next));
        assertThat(next).isGreaterThan(pc);
        assertThat(kernel.context(1).get(X64Register.RIP)).as("the other CPU stays").isEqualTo(cpu1);
    }

    @Test
    void breakpointTableRefusesDuplicatesAndKeepsThirtyTwoSlots() {
        long base = kernel.symbols().codeStart();
        assertThat(kernel.breakpoints().write(base)).hasValue(1);
        assertThat(kernel.breakpoints().write(base)).isEmpty();
        for (int i = 1; i < BreakpointTable.SLOTS; i++) {
            assertThat(kernel.breakpoints().write(base + i)).hasValue(i + 1);
        }
        assertThat(kernel.breakpoints().write(base + 100)).isEmpty();
        assertThat(kernel.breakpoints().write(0x1000)).as("unmapped").isEmpty();
        assertThat(kernel.breakpoints().restore(5)).isTrue();
        assertThat(kernel.breakpoints().restore(5)).isFalse();
        assertThat(kernel.breakpoints().restore(0)).isFalse();
        assertThat(kernel.breakpoints().restore(33)).isFalse();
        assertThat(kernel.breakpoints().removeIn(base, base + 16)).hasSize(15);
    }

    @Test
    void modelSpecificRegistersMirrorTheSpecialRegistersAndUnknownOnesDoNotExist() {
        assertThat(kernel.readMsr(1, 0xC0000101)).hasValue(kernel.cpuSymbols(1).kpcr());
        assertThat(kernel.writeMsr(1, 0xC0000102, 0xABCD)).isTrue();
        assertThat(kernel.specialRegisters(1).get(KSpecialRegister.MSR_GS_SWAP)).isEqualTo(0xABCD);
        assertThat(kernel.readMsr(0, 0xC0000080)).hasValue(0xD01);
        assertThat(kernel.readMsr(0, 0x12345)).isEmpty();
        assertThat(kernel.writeMsr(0, 0x12345, 1)).isFalse();
    }

    @Test
    void theVersionNamesTheKernelLaidOutInMemory() {
        var version = kernel.version();
        assertThat(version.minorVersion()).isEqualTo(19041);
        assertThat(version.kernBase()).isEqualTo(kernel.symbols().kernBase());
        byte[] head = kernel.memory().read(version.debuggerDataList(), 8);
        assertThat(WireBytes.wrap(head).getLong(0)).isEqualTo(kernel.symbols().kdDebuggerDataBlock());
        assertThat(Arrays.copyOf(kernel.memory().read(version.kernBase(), 2), 2)).containsExactly('M', 'Z');
    }
}
