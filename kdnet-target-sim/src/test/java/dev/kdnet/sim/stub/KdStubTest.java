package dev.kdnet.sim.stub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.dbgkd.ContextEx;
import dev.kdnet.protocol.dbgkd.Continue2Request;
import dev.kdnet.protocol.dbgkd.ExceptionRecord64;
import dev.kdnet.protocol.dbgkd.FillMemory;
import dev.kdnet.protocol.dbgkd.GetVersion64;
import dev.kdnet.protocol.dbgkd.IoSpaceTransfer;
import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import dev.kdnet.protocol.dbgkd.KSpecialRegisters;
import dev.kdnet.protocol.dbgkd.LoadSymbols64;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.MsrTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.QueryMemory;
import dev.kdnet.protocol.dbgkd.RestoreBreakPoint;
import dev.kdnet.protocol.dbgkd.SearchMemory;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.dbgkd.UnionView;
import dev.kdnet.protocol.dbgkd.WriteBreakPoint;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import dev.kdnet.sim.kernel.SyntheticInstruction;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub's connect sequence and its answer to every manipulate API, over an in-memory host link. */
class KdStubTest {
    private static final Duration SHORT = Duration.ofMillis(50);
    private StubHarness target;
    private SimulatedKernel kernel;

    @BeforeEach
    void attachLikeWinDbg() {
        target = new StubHarness(KernelConfig.defaults().withCpus(2).withPrints(Duration.ofMillis(100), "tick %d\n"));
        kernel = target.stub.kernel();
        StateChange64 load = target.nextStateChange(SHORT);
        assertThat(target.prints).containsExactly(KdStub.CONNECT_BANNER);
        assertThat(load.newState()).isEqualTo(StateChange64.LOAD_SYMBOLS);
        assertThat(load.extraStrings().get(0)).endsWith("\\ntoskrnl.exe");
        assertThat(LoadSymbols64.from(load.union()).baseOfDll()).isEqualTo(kernel.symbols().kernBase());
        target.send(ManipulateState64.request(ManipulateApi.CONTINUE2, 0,
                Continue2Request.of(NtStatus.DBG_CONTINUE, false, 0x400), new byte[0]));
        StateChange64 initialBreak = target.nextStateChange(SHORT);
        assertThat(initialBreak.newState()).isEqualTo(StateChange64.EXCEPTION);
        assertThat(ExceptionRecord64.from(initialBreak.union()).code()).isEqualTo(NtStatus.BREAKPOINT);
        assertThat(initialBreak.programCounter()).isEqualTo(kernel.symbols().breakpointWithStatus());
        assertThat(initialBreak.controlReport().instructionStream()).startsWith((byte) 0xCC, (byte) 0xC3);
        assertThat(initialBreak.numberProcessors()).isEqualTo(2);
    }

    private ManipulateState64 call(ManipulateApi api, int processor, UnionView union,
            byte[] data) {
        ManipulateState64 request = ManipulateState64.request(api, processor, union, data);
        ManipulateState64 reply = target.call(request);
        assertThat(reply.api()).isEqualTo(api);
        assertThat(reply.processor()).isEqualTo(processor);
        return reply;
    }

    private void continueOn(int cpu, boolean step) {
        target.send(ManipulateState64.request(ManipulateApi.CONTINUE2, cpu,
                Continue2Request.of(NtStatus.DBG_CONTINUE, step, 0x400), new byte[0]));
    }

    @Test
    void getVersionDescribesTheKernel() {
        ManipulateState64 reply = target.call(ManipulateState64.request(ManipulateApi.GET_VERSION, 0));
        GetVersion64 version = GetVersion64.from(reply.union());
        assertThat(reply.returnStatus()).isZero();
        assertThat(version.minorVersion()).isEqualTo(19041);
        assertThat(version.machineType()).isEqualTo(GetVersion64.MACHINE_AMD64);
        assertThat(version.psLoadedModuleList()).isEqualTo(kernel.symbols().psLoadedModuleList());
    }

    @Test
    void memoryReadsWritesAndPhysicalReadsAgree() {
        long at = kernel.symbols().kdDebuggerDataBlock();
        ManipulateState64 read = call(ManipulateApi.READ_VIRTUAL_MEMORY, 0, MemoryTransfer.request(at, 3000),
                new byte[0]);
        assertThat(read.returnStatus()).isZero();
        assertThat(MemoryTransfer.from(read.union()).actualBytes()).isEqualTo(3000);
        assertThat(WireBytes.toArray(read.data())).isEqualTo(kernel.memory().read(at, 3000));
        assertThat(new String(WireBytes.toArray(read.data()), 16, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("KDBG");

        long scratch = kernel.cpuSymbols(0).stackTop() - 0x800;
        byte[] bytes = {1, 2, 3, 4, 5};
        ManipulateState64 write = call(ManipulateApi.WRITE_VIRTUAL_MEMORY, 0,
                MemoryTransfer.request(scratch, bytes.length), bytes);
        assertThat(MemoryTransfer.from(write.union()).actualBytes()).isEqualTo(5);
        long physical = kernel.memory().translate(scratch);
        ManipulateState64 phys = call(ManipulateApi.READ_PHYSICAL_MEMORY, 0, MemoryTransfer.request(physical, 5),
                new byte[0]);
        assertThat(WireBytes.toArray(phys.data())).isEqualTo(bytes);
    }

    @Test
    void aReadIntoUnmappedMemoryIsPartialAndUnsuccessful() {
        long lastPage = kernel.symbols().kernBase() - 0x10;
        ManipulateState64 read = call(ManipulateApi.READ_VIRTUAL_MEMORY, 0, MemoryTransfer.request(lastPage, 64),
                new byte[0]);
        assertThat(read.returnStatus()).isEqualTo(NtStatus.UNSUCCESSFUL);
        assertThat(MemoryTransfer.from(read.union()).actualBytes()).isEqualTo(read.dataLength()).isLessThan(64);
        ManipulateState64 tooLong = call(ManipulateApi.READ_VIRTUAL_MEMORY, 0,
                MemoryTransfer.request(kernel.symbols().kernBase(), 10_000), new byte[0]);
        assertThat(tooLong.dataLength()).isEqualTo(ManipulateHandler.MAX_TRANSFER);
    }

    @Test
    void contextAndControlSpaceMatchTheKernelAndSetContextChangesIt() {
        ManipulateState64 context = call(ManipulateApi.GET_CONTEXT, 1, MemoryTransfer.request(0, 0), new byte[0]);
        assertThat(WireBytes.toArray(context.data())).isEqualTo(kernel.context(1).encode());
        ManipulateState64 ex = call(ManipulateApi.GET_CONTEXT_EX, 0, new ContextEx(0, X64Context.LENGTH, 0),
                new byte[0]);
        assertThat(WireBytes.toArray(ex.data())).isEqualTo(kernel.context(0).encode());
        ManipulateState64 special = call(ManipulateApi.READ_CONTROL_SPACE, 0,
                MemoryTransfer.request(KSpecialRegisters.CONTROL_SPACE_SELECTOR, 0xE0), new byte[0]);
        assertThat(WireBytes.toArray(special.data())).isEqualTo(kernel.specialRegisters(0).encode());
        ManipulateState64 kpcr = call(ManipulateApi.READ_CONTROL_SPACE, 1, MemoryTransfer.request(0, 8),
                new byte[0]);
        assertThat(kpcr.data().getLong(0)).isEqualTo(kernel.cpuSymbols(1).kpcr());

        X64Context changed = kernel.context(0).with(X64Register.R12, 0xFEEDL);
        ManipulateState64 set = call(ManipulateApi.SET_CONTEXT, 0, MemoryTransfer.request(0, 0), changed.encode());
        assertThat(set.returnStatus()).isZero();
        assertThat(kernel.context(0).get(X64Register.R12)).isEqualTo(0xFEED);

        byte[] chunk = kernel.context(1).with(X64Register.R13, 0xBEEFL).encode();
        call(ManipulateApi.SET_CONTEXT_EX, 1, new ContextEx(0, 0x400, X64Context.LENGTH),
                java.util.Arrays.copyOfRange(chunk, 0, 0x400));
        assertThat(kernel.context(1).get(X64Register.R13)).as("staged, not committed").isZero();
        call(ManipulateApi.SET_CONTEXT_EX, 1, new ContextEx(0x400, X64Context.LENGTH - 0x400, X64Context.LENGTH),
                java.util.Arrays.copyOfRange(chunk, 0x400, X64Context.LENGTH));
        assertThat(kernel.context(1).get(X64Register.R13)).isEqualTo(0xBEEF);

        byte[] specialBytes = kernel.specialRegisters(0).with(KSpecialRegister.CR8, 2).encode();
        call(ManipulateApi.WRITE_CONTROL_SPACE, 0, MemoryTransfer.request(2, 0xE0), specialBytes);
        assertThat(kernel.specialRegisters(0).get(KSpecialRegister.CR8)).isEqualTo(2);
        assertThat(call(ManipulateApi.GET_CONTEXT, 5, MemoryTransfer.request(0, 0), new byte[0]).returnStatus())
                .as("no CPU 5").isEqualTo(NtStatus.UNSUCCESSFUL);
    }

    @Test
    void aBreakpointIsHitThenSingleStepsReportOneStateChangeEach() {
        long rip = kernel.context(0).get(X64Register.RIP);
        long routine = kernel.symbols().breakpointWithStatus();
        assertThat(rip).isEqualTo(routine);
        StateChange64 stop = stopAtBreakpointAhead(25);
        long pc = stop.programCounter();
        for (int i = 0; i < 3; i++) {
            long next = pc + SyntheticInstruction.decode(kernel.memory().read(pc, 16)).orElseThrow().length();
            continueOn(stop.processor(), true);
            stop = target.nextStateChange(SHORT);
            assertThat(ExceptionRecord64.from(stop.union()).code()).isEqualTo(NtStatus.SINGLE_STEP);
            assertThat(stop.programCounter()).isEqualTo(next);
            assertThat(target.stateChanges).isEmpty();
            pc = next;
        }
    }

    private StateChange64 stopAtBreakpointAhead(int instructions) {
        target.call(ManipulateState64.request(ManipulateApi.SET_CONTEXT, 0,
                MemoryTransfer.request(0, 0), kernel.context(0).with(X64Register.RIP,
                        kernel.symbols().breakpointWithStatus() + 1).encode()));
        continueOn(0, true);
        StateChange64 back = target.nextStateChange(SHORT);
        long address = back.programCounter();
        for (int i = 0; i < instructions; i++) {
            address += SyntheticInstruction.decode(kernel.memory().read(address, 16)).orElseThrow().length();
        }
        ManipulateState64 bp = call(ManipulateApi.WRITE_BREAKPOINT, 0, new WriteBreakPoint(address, 0), new byte[0]);
        assertThat(bp.returnStatus()).isZero();
        assertThat(WriteBreakPoint.from(bp.union()).handle()).isEqualTo(1);
        continueOn(back.processor(), false);
        StateChange64 hit = target.nextStateChange(Duration.ofSeconds(5));
        assertThat(ExceptionRecord64.from(hit.union()).code()).isEqualTo(NtStatus.BREAKPOINT);
        assertThat(hit.programCounter()).isEqualTo(address);
        assertThat(hit.controlReport().instructionStream()[0]).as("original byte, not int3").isNotEqualTo((byte) 0xCC);
        assertThat(call(ManipulateApi.RESTORE_BREAKPOINT, 0, new RestoreBreakPoint(1), new byte[0]).returnStatus())
                .as("removed by the stop").isEqualTo(NtStatus.UNSUCCESSFUL);
        return hit;
    }

    @Test
    void eachStopIsCountedOnceButNeitherTheLoadSymbolsReportNorTheStopReportedAgainToANewHost() {
        assertThat(target.stub.stopsReported()).as("the initial break").isEqualTo(1);
        continueOn(0, true);
        StateChange64 stepped = target.nextStateChange(SHORT);
        assertThat(target.stub.stopsReported()).isEqualTo(2);

        target.stub.hostConnected(body -> target.clock.schedule(() -> target.host.receive(body), 0));
        assertThat(target.nextStateChange(SHORT).programCounter()).isEqualTo(stepped.programCounter());
        assertThat(target.stub.stopsReported()).isEqualTo(2);
    }

    @Test
    void whileRunningItPrintsAndABreakInStopsIt() {
        target.call(ManipulateState64.request(ManipulateApi.SET_CONTEXT, 0, MemoryTransfer.request(0, 0),
                kernel.context(0).with(X64Register.RIP, kernel.symbols().breakpointWithStatus() + 1).encode()));
        target.send(ManipulateState64.request(ManipulateApi.CONTINUE, 0));
        target.prints.clear();
        target.run(Duration.ofMillis(350));
        assertThat(target.prints).containsExactly("tick 1\n", "tick 2\n", "tick 3\n");
        assertThat(kernel.isRunning()).isTrue();
        target.host.sendBreakIn();
        StateChange64 stop = target.nextStateChange(SHORT);
        assertThat(ExceptionRecord64.from(stop.union()).code()).isEqualTo(NtStatus.BREAKPOINT);
        assertThat(stop.programCounter()).isEqualTo(kernel.symbols().breakpointWithStatus());
        assertThat(kernel.context(0).get(X64Register.RCX)).isEqualTo(1);
        assertThat(kernel.isRunning()).isFalse();
    }

    @Test
    void otherApisAnswerAsAWindowsKernelDoes() {
        assertThat(call(ManipulateApi.READ_MSR, 0, new MsrTransfer(0xC0000101, 0, 0), new byte[0]))
                .satisfies(r -> assertThat(MsrTransfer.from(r.union()).value()).isEqualTo(kernel.cpuSymbols(0).kpcr()));
        assertThat(call(ManipulateApi.READ_MSR, 0, new MsrTransfer(0x31337, 0, 0), new byte[0]).returnStatus())
                .isEqualTo(NtStatus.NO_SUCH_DEVICE);
        assertThat(call(ManipulateApi.READ_IO_SPACE, 0, new IoSpaceTransfer(0x61, 1, 0), new byte[0]))
                .satisfies(r -> assertThat(IoSpaceTransfer.from(r.union()).dataValue()).isEqualTo(0xFF));
        assertThat(call(ManipulateApi.READ_IO_SPACE, 0, new IoSpaceTransfer(0x61, 2, 0), new byte[0]).returnStatus())
                .isEqualTo(NtStatus.DATATYPE_MISALIGNMENT);
        assertThat(call(ManipulateApi.READ_IO_SPACE, 0, new IoSpaceTransfer(0x60, 3, 0), new byte[0]).returnStatus())
                .isEqualTo(NtStatus.INVALID_PARAMETER);

        long base = kernel.symbols().kernBase();
        ManipulateState64 found = call(ManipulateApi.SEARCH_MEMORY, 0, new SearchMemory(base, 0x1000, 4),
                new byte[] {'P', 'E', 0, 0});
        assertThat(found.returnStatus()).isZero();
        assertThat(kernel.memory().read(SearchMemory.from(found.union()).searchAddress(), 2)).containsExactly('P', 'E');
        assertThat(call(ManipulateApi.SEARCH_MEMORY, 0, new SearchMemory(base, 0x100, 4), new byte[] {1, 2, 3, 4})
                .returnStatus()).isEqualTo(NtStatus.UNSUCCESSFUL);

        long scratch = kernel.cpuSymbols(0).stackTop() - 0x1000;
        assertThat(call(ManipulateApi.FILL_MEMORY, 0, new FillMemory(scratch, 10, FillMemory.VIRTUAL, 2),
                new byte[] {(byte) 0xAB, (byte) 0xCD}).returnStatus()).isZero();
        assertThat(kernel.memory().read(scratch, 4)).containsExactly(0xAB, 0xCD, 0xAB, 0xCD);

        assertThat(call(ManipulateApi.SEARCH_MEMORY, 0, new SearchMemory(base, 0x1000, 0xFFFF_FFFF),
                new byte[] {'P', 'E', 0, 0}).returnStatus()).as("a pattern length above 2^31 is the data's").isZero();

        ManipulateState64 query = call(ManipulateApi.QUERY_MEMORY, 0, new QueryMemory(base, 0, 0, 0), new byte[0]);
        assertThat(QueryMemory.from(query.union()).addressSpace()).isEqualTo(QueryMemory.SPACE_KERNEL);
        assertThat(QueryMemory.from(query.union()).flags()).isEqualTo(QueryMemory.FLAGS_RWX);

        ManipulateState64 unknown = target.call(ManipulateState64.request(ManipulateApi.valueOf(0x3199), 0));
        assertThat(unknown.returnStatus()).isEqualTo(NtStatus.UNSUCCESSFUL);
        ManipulateState64 busData = target.call(ManipulateState64.request(ManipulateApi.GET_BUS_DATA, 0));
        assertThat(busData.returnStatus()).isEqualTo(NtStatus.UNSUCCESSFUL);
    }

    @Test
    void switchProcessorReportsFromTheOtherCpuAndRebootRestarts() {
        target.send(ManipulateState64.request(ManipulateApi.SWITCH_PROCESSOR, 1));
        StateChange64 fromCpu1 = target.nextStateChange(SHORT);
        assertThat(fromCpu1.processor()).isEqualTo(1);
        assertThat(fromCpu1.programCounter()).isEqualTo(kernel.context(1).get(X64Register.RIP));
        assertThat(target.replies).isEmpty();

        target.send(ManipulateState64.request(ManipulateApi.REBOOT, 0));
        target.run(SHORT);
        assertThat(target.reboots).isEqualTo(1);
        assertThat(target.replies).isEmpty();
    }

    @Test
    void causeBugCheckRestartsTheMachineToo() {
        target.send(ManipulateState64.request(ManipulateApi.CAUSE_BUGCHECK, 0));
        target.run(SHORT);
        assertThat(target.reboots).isEqualTo(1);
        assertThat(target.replies).isEmpty();
    }
}
