package dev.kdnet.it.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.control.Poke;
import dev.kdnet.protocol.dbgkd.Continue2Request;
import dev.kdnet.protocol.dbgkd.ExceptionRecord64;
import dev.kdnet.protocol.dbgkd.GetVersion64;
import dev.kdnet.protocol.dbgkd.ManipulateApi;
import dev.kdnet.protocol.dbgkd.ManipulateState64;
import dev.kdnet.protocol.dbgkd.MemoryTransfer;
import dev.kdnet.protocol.dbgkd.NtStatus;
import dev.kdnet.protocol.dbgkd.StateChange64;
import dev.kdnet.protocol.dbgkd.UnionView;
import dev.kdnet.protocol.dbgkd.WriteBreakPoint;
import dev.kdnet.protocol.dbgkd.X64Context;
import dev.kdnet.protocol.dbgkd.X64Register;
import dev.kdnet.protocol.kd.UnusedHello;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SyntheticInstruction;
import dev.kdnet.sim.nic.AgentConfig;
import dev.kdnet.sim.nic.TargetAgent;
import dev.kdnet.sim.stub.KdStub;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated target over real loopback sockets, driven by a scripted host made only of kdnet-protocol parts:
 * what a debugger does after attaching, a breakpoint, single steps, a break-in, memory writes, and a reboot that
 * ends in a new handshake. The target binds 127.0.0.2:P and the host 127.0.0.1:P, as two machines would.
 */
class SimulatedTargetIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final KdnetKey KEY = KdnetKey.parse("1.2.3.4");
    private static final int KDBG_PS_LOADED_MODULE_LIST = 0x48;
    private static final int LDR_DLL_BASE = 0x30;
    private static final int LDR_BASE_DLL_NAME = 0x58;

    private int port;
    private UdpTransport transport;
    private ScriptedDebugger host;
    private TargetAgent target;

    @BeforeEach
    void startHostAndTarget() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        host = new ScriptedDebugger(port, KEY);
    }

    private void startTarget() throws Exception {
        transport = UdpTransport.create(1);
        AgentConfig config = AgentConfig.of(KEY, (Inet4Address) InetAddress.getByName("127.0.0.1"), port,
                (Inet4Address) InetAddress.getByName("127.0.0.2")).withPokeInterval(Duration.ofMillis(300));
        target = TargetAgent.start(transport, config, KdStub.factory(KernelConfig.defaults()));
    }

    @AfterEach
    void stop() {
        if (target != null) {
            target.close();
            transport.close();
        }
        host.close();
    }

    private ManipulateState64 call(ManipulateApi api, UnionView union, byte[] data) throws Exception {
        ManipulateState64 reply = host.request(ManipulateState64.request(api, 0, union, data), WAIT);
        assertThat(reply.api()).isEqualTo(api);
        return reply;
    }

    private byte[] read(long address, int length) throws Exception {
        ManipulateState64 reply = call(ManipulateApi.READ_VIRTUAL_MEMORY, MemoryTransfer.request(address, length),
                new byte[0]);
        assertThat(reply.returnStatus()).as("read %x", address).isEqualTo(NtStatus.SUCCESS);
        return WireBytes.toArray(reply.data());
    }

    private long pointerAt(long address) throws Exception {
        return WireBytes.wrap(read(address, 8)).getLong(0);
    }

    private void continue2(boolean step) throws Exception {
        host.send(ManipulateState64.request(ManipulateApi.CONTINUE2, 0,
                Continue2Request.of(NtStatus.DBG_CONTINUE, step, 0x400), new byte[0]));
    }

    /** Handshake, the kernel's connect sequence, and the initial break. */
    private StateChange64 attach() throws Exception {
        UnusedHello hello = host.awaitHello(WAIT);
        assertThat(hello.hostAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(host.awaitPrint(WAIT)).isEqualTo("KDTARGET: Refreshing KD connection\n");
        StateChange64 load = host.awaitStateChange(WAIT);
        assertThat(load.newState()).isEqualTo(StateChange64.LOAD_SYMBOLS);
        continue2(false);
        StateChange64 initial = host.awaitStateChange(WAIT);
        assertThat(ExceptionRecord64.from(initial.union()).code()).isEqualTo(NtStatus.BREAKPOINT);
        return initial;
    }

    @Test
    void aScriptedDebuggerAttachesWalksTheKernelBreaksStepsWritesAndSurvivesAReboot() throws Exception {
        startTarget();
        StateChange64 initial = attach();

        GetVersion64 version = GetVersion64.from(call(ManipulateApi.GET_VERSION, MemoryTransfer.request(0, 0),
                new byte[0]).union());
        assertThat(version.minorVersion()).isEqualTo(19041);
        assertThat(version.machineType()).isEqualTo(GetVersion64.MACHINE_AMD64);

        long kdbg = pointerAt(version.debuggerDataList());
        byte[] header = read(kdbg, 0x60);
        assertThat(new String(header, 0x10, 4, StandardCharsets.US_ASCII)).isEqualTo("KDBG");
        assertThat(WireBytes.wrap(header).getLong(0x18)).isEqualTo(version.kernBase());
        long moduleList = WireBytes.wrap(header).getLong(KDBG_PS_LOADED_MODULE_LIST);
        assertThat(moduleList).isEqualTo(version.psLoadedModuleList());
        List<String> modules = new ArrayList<>();
        for (long entry = pointerAt(moduleList); entry != moduleList && modules.size() < 64;
                entry = pointerAt(entry)) {
            byte[] ldr = read(entry, 0x68);
            int nameLength = WireBytes.u16(WireBytes.wrap(ldr), LDR_BASE_DLL_NAME);
            long nameBuffer = WireBytes.wrap(ldr).getLong(LDR_BASE_DLL_NAME + 8);
            modules.add(new String(read(nameBuffer, nameLength), StandardCharsets.UTF_16LE));
            if (modules.size() == 1) {
                assertThat(WireBytes.wrap(ldr).getLong(LDR_DLL_BASE)).isEqualTo(version.kernBase());
            }
        }
        assertThat(modules).hasSizeGreaterThan(3).first().isEqualTo("ntoskrnl.exe");
        assertThat(read(version.kernBase(), 2)).containsExactly('M', 'Z');

        X64Context context = X64Context.decode(call(ManipulateApi.GET_CONTEXT, MemoryTransfer.request(0, 0),
                new byte[0]).data()).orElseThrow();
        assertThat(context.get(X64Register.RIP)).isEqualTo(initial.programCounter());
        assertThat(context.get(X64Register.RCX)).isEqualTo(1);

        call(ManipulateApi.SET_CONTEXT, MemoryTransfer.request(0, 0),
                context.with(X64Register.RIP, initial.programCounter() + 1).encode());
        continue2(true);
        StateChange64 stepped = host.awaitStateChange(WAIT);
        assertThat(ExceptionRecord64.from(stepped.union()).code()).isEqualTo(NtStatus.SINGLE_STEP);

        long pc = stepped.programCounter();
        long breakAt = pc;
        for (int i = 0; i < 30; i++) {
            breakAt += SyntheticInstruction.decode(read(breakAt, 16)).orElseThrow().length();
        }
        ManipulateState64 bp = call(ManipulateApi.WRITE_BREAKPOINT, new WriteBreakPoint(breakAt, 0), new byte[0]);
        assertThat(bp.returnStatus()).isEqualTo(NtStatus.SUCCESS);
        continue2(false);
        StateChange64 hit = host.awaitStateChange(WAIT);
        assertThat(ExceptionRecord64.from(hit.union()).code()).isEqualTo(NtStatus.BREAKPOINT);
        assertThat(hit.programCounter()).isEqualTo(breakAt);

        long next = breakAt + SyntheticInstruction.decode(read(breakAt, 16)).orElseThrow().length();
        continue2(true);
        StateChange64 step = host.awaitStateChange(WAIT);
        assertThat(ExceptionRecord64.from(step.union()).code()).isEqualTo(NtStatus.SINGLE_STEP);
        assertThat(step.programCounter()).isEqualTo(next);

        continue2(false);
        assertThat(host.awaitPrint(WAIT)).startsWith("kdnet-sim: heartbeat");
        host.breakIn();
        StateChange64 broke = host.awaitStateChange(WAIT);
        assertThat(ExceptionRecord64.from(broke.union()).code()).isEqualTo(NtStatus.BREAKPOINT);
        assertThat(broke.programCounter()).isEqualTo(pointerAt(kdbg + 0x20));

        long scratch = context.get(X64Register.RSP) - 0x400;
        byte[] bytes = "written by the scripted host".getBytes(StandardCharsets.US_ASCII);
        ManipulateState64 write = call(ManipulateApi.WRITE_VIRTUAL_MEMORY,
                MemoryTransfer.request(scratch, bytes.length), bytes);
        assertThat(MemoryTransfer.from(write.union()).actualBytes()).isEqualTo(bytes.length);
        assertThat(read(scratch, bytes.length)).isEqualTo(bytes);

        host.send(ManipulateState64.request(ManipulateApi.REBOOT, 0));
        StateChange64 afterReboot = attach();
        assertThat(afterReboot.programCounter()).isEqualTo(initial.programCounter());
        assertThat(read(scratch, bytes.length)).as("a fresh kernel").isNotEqualTo(bytes);
        assertThat(target.stats().boots()).isEqualTo(2);
    }

    @Test
    void onTheWireEveryTargetDatagramHasTtl16DfAndSourcePortEqualToDestinationPort() throws Exception {
        try (LoopbackCapture capture = LoopbackCapture.start(port)) {
            startTarget();
            attach();
            call(ManipulateApi.GET_VERSION, MemoryTransfer.request(0, 0), new byte[0]);
            Poke poke = host.awaitPoke(WAIT);
            while (poke.isUnbound()) {
                poke = host.awaitPoke(WAIT);
            }
            List<LoopbackCapture.WireDatagram> datagrams = capture.stop();
            InetSocketAddress targetAddress = new InetSocketAddress("127.0.0.2", port);
            List<LoopbackCapture.WireDatagram> fromTarget = datagrams.stream().filter(d -> d.source().equals(targetAddress)).toList();
            assertThat(fromTarget).hasSizeGreaterThan(5);
            assertThat(fromTarget).allSatisfy(d -> {
                assertThat(d.ttl()).isEqualTo(16);
                assertThat(d.dontFragment()).isTrue();
                assertThat(d.destination()).isEqualTo(new InetSocketAddress("127.0.0.1", port));
            });
        }
    }
}
