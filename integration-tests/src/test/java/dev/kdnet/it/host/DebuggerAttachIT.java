package dev.kdnet.it.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.api.Breakpoint;
import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerEvent;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.api.EventSubscription;
import dev.kdnet.host.api.KernelVersion;
import dev.kdnet.host.api.MemoryRead;
import dev.kdnet.host.api.MemorySpace;
import dev.kdnet.host.api.ModuleInfo;
import dev.kdnet.host.api.Stop;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.dbgkd.KSpecialRegister;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SimulatedKernel;
import dev.kdnet.sim.kernel.SyntheticInstruction;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real host and its debugger API against one simulated target over loopback. */
class DebuggerAttachIT {
    static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    static final Duration ATTACH = Duration.ofSeconds(10);

    private final Closer closer = new Closer();
    private int port;

    static HostConfig loopbackHost(KdnetKey key, List<Integer> ports) throws Exception {
        return HostConfig.of(key, ports).withBindAddress(InetAddress.getByName("127.0.0.1"));
    }

    private Debugger hostAndTarget(KernelConfig kernel) throws Exception {
        port = LoopbackTarget.freePort();
        host = closer.add(DebuggerHost.start(closer.transport, loopbackHost(KEY, List.of(port)),
                DebuggerSettings.defaults()));
        target = new LoopbackTarget(KEY, port, 2, kernel);
        closer.add(target);
        return host.debugger(port);
    }

    private LoopbackTarget target;
    private DebuggerHost host;

    @AfterEach
    void close() throws Exception {
        closer.close();
    }

    @Test
    void attachesIdentifiesReadsWritesRegistersAndModules() throws Exception {
        Debugger debugger = hostAndTarget(KernelConfig.defaults());
        KernelVersion version = debugger.attach(ATTACH);
        SimulatedKernel kernel = target.kernel();
        assertThat(version.buildNumber()).isEqualTo(19041);
        assertThat(version.isAmd64()).isTrue();
        assertThat(version.kernelBase()).isEqualTo(kernel.version().kernBase());
        assertThat(version.ntBuildLab()).startsWith("19041.");

        Stop stop = debugger.stop();
        assertThat(stop.exceptionCode()).isEqualTo(NtStatus.BREAKPOINT);
        assertThat(stop.pc()).isEqualTo(kernel.symbols().breakpointWithStatus());

        List<long[]> progress = new ArrayList<>();
        MemoryRead image = debugger.read(MemorySpace.VIRTUAL, version.kernelBase(), 0x10000,
                (done, total) -> progress.add(new long[] {done, total}));
        assertThat(image.complete()).isTrue();
        assertThat(image.bytes()).isEqualTo(kernel.memory().read(version.kernelBase(), 0x10000));
        assertThat(progress).hasSize((0x10000 + 0x447) / 0x448);
        assertThat(progress.get(progress.size() - 1)).containsExactly(0x10000, 0x10000);

        X64Context context = debugger.context(0);
        assertThat(context.get(X64Register.RIP)).isEqualTo(kernel.context(0).get(X64Register.RIP));
        assertThat(context.get(X64Register.RSP)).isEqualTo(kernel.context(0).get(X64Register.RSP));
        assertThat(debugger.specialRegisters(0).get(KSpecialRegister.CR3))
                .isEqualTo(kernel.specialRegisters(0).get(KSpecialRegister.CR3));
        debugger.setRegister(0, X64Register.RAX, 0x1234_5678L);
        assertThat(kernel.context(0).get(X64Register.RAX)).isEqualTo(0x1234_5678L);

        long scratch = context.get(X64Register.RSP) - 0x2000;
        byte[] bytes = new byte[3000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        assertThat(debugger.writeVirtual(scratch, bytes)).isEqualTo(bytes.length);
        assertThat(debugger.readVirtual(scratch, bytes.length).bytes()).isEqualTo(bytes);
        assertThat(kernel.memory().read(scratch, bytes.length)).isEqualTo(bytes);

        MemoryRead unmapped = debugger.readVirtual(0xFFFF_8000_0000_0000L - 0x100, 0x200);
        assertThat(unmapped.complete()).isFalse();

        assertThat(debugger.modules()).extracting(ModuleInfo::name).contains("ntoskrnl.exe", "hal.dll");
        assertThat(debugger.modules().get(0).base()).isEqualTo(version.kernelBase());
        assertThat(debugger.stats().datagramsIn()).isPositive();
        assertThat(debugger.stats().link()).isPresent();
    }

    @Test
    void breakpointIsHitListedSteppedOverAndClearedThenBreakInStops() throws Exception {
        Debugger debugger = hostAndTarget(KernelConfig.defaults());
        debugger.attach(ATTACH);
        Stop stepped = debugger.step();
        assertThat(stepped.exceptionCode()).isEqualTo(NtStatus.SINGLE_STEP);

        long address = stepped.pc();
        for (int i = 0; i < 5; i++) {
            address += SyntheticInstruction.decode(debugger.readVirtual(address, 16).bytes()).orElseThrow().length();
        }
        Breakpoint breakpoint = debugger.setBreakpoint(address);
        assertThat(debugger.breakpoints()).containsExactly(breakpoint);

        try (EventSubscription events = debugger.subscribe()) {
            debugger.go();
            Stop hit = debugger.waitForStop(ATTACH);
            assertThat(hit.exceptionCode()).isEqualTo(NtStatus.BREAKPOINT);
            assertThat(hit.pc()).isEqualTo(address);
            assertThat(events.next(DebuggerEvent.Stopped.class, s -> true, ATTACH)).isPresent();
        }
        assertThat(debugger.breakpoints()).singleElement().extracting(Breakpoint::armed).isEqualTo(false);

        long next = address + SyntheticInstruction.decode(debugger.readVirtual(address, 16).bytes()).orElseThrow()
                .length();
        Stop step = debugger.step();
        assertThat(step.pc()).isEqualTo(next);
        assertThat(debugger.breakpoints()).singleElement().extracting(Breakpoint::armed).isEqualTo(true);

        debugger.go();
        Stop again = debugger.waitForStop(ATTACH);
        assertThat(again.pc()).as("the breakpoint was written again").isEqualTo(address);
        assertThat(debugger.clearBreakpoint(address)).isTrue();
        assertThat(debugger.breakpoints()).isEmpty();

        debugger.go();
        Stop broke = debugger.breakIn();
        assertThat(broke.exceptionCode()).isEqualTo(NtStatus.BREAKPOINT);
        assertThat(broke.pc()).isEqualTo(target.kernel().symbols().breakpointWithStatus());
        debugger.go();
        assertThat(debugger.breakIn().pc()).isEqualTo(broke.pc());
    }

    @Test
    void printsArriveWhileRunningAndRebootEndsInANewAttach() throws Exception {
        Debugger debugger = hostAndTarget(KernelConfig.defaults().withPrints(Duration.ofMillis(50), "tick %d\n"));
        debugger.attach(ATTACH);
        try (EventSubscription events = debugger.subscribe()) {
            debugger.go();
            assertThat(events.next(DebuggerEvent.Printed.class, p -> p.text().startsWith("tick"), ATTACH))
                    .isPresent();
            debugger.breakIn();
            debugger.reboot();
            assertThat(events.next(DebuggerEvent.Rebooted.class, r -> true, ATTACH)).isPresent();
            assertThat(events.next(DebuggerEvent.Reattached.class, r -> true, ATTACH)).isPresent();
        }
        KernelVersion version = debugger.attach(ATTACH);
        assertThat(version.kernelBase()).isEqualTo(target.kernel().version().kernBase());
        assertThat(target.agent().stats().boots()).isEqualTo(2);
        assertThat(debugger.stats().handshakes()).isEqualTo(2);
    }

    @Test
    void aRestartedHostAttachesToTheTargetThatKeptPokingBound() throws Exception {
        Debugger first = hostAndTarget(KernelConfig.defaults());
        first.attach(ATTACH);
        host.close();

        try (DebuggerHost second = DebuggerHost.start(closer.transport, loopbackHost(KEY, List.of(port)),
                DebuggerSettings.defaults())) {
            KernelVersion version = second.debugger(port).attach(ATTACH);
            assertThat(version.buildNumber()).isEqualTo(19041);
            assertThat(second.debugger(port).readVirtual(version.kernelBase(), 2).bytes())
                    .isEqualTo("MZ".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
