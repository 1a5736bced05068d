package dev.kdnet.host.cli;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.WireBytes;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import dev.kdnet.sim.kernel.KernelConfig;
import dev.kdnet.sim.kernel.SyntheticInstruction;
import dev.kdnet.sim.nic.AgentConfig;
import dev.kdnet.sim.nic.TargetAgent;
import dev.kdnet.sim.stub.KdStub;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet demo}: a simulated Windows target on 127.0.0.2 and the host on 127.0.0.1, a fresh key, and a real
 * session between them over KDNET: attach, {@code vertarget}, registers, the kernel's header, a breakpoint a few
 * thousand instructions ahead that is hit while the kernel's DbgPrint lines arrive, and statistics.
 */
@Command(name = "demo", usageHelpAutoWidth = true,
        description = "Run a simulated target and the host on loopback and show a real debugging session.")
final class DemoCommand implements Callable<Integer> {
    /** How far ahead of the stop the demo's breakpoint lies, in instructions: about a second of running. */
    static final int INSTRUCTIONS_AHEAD = 5000;
    private static final int CODE_WINDOW = 0x8000;
    private static final Inet4Address HOST = loopback(1);
    private static final Inet4Address TARGET = loopback(2);

    @Spec
    private CommandSpec spec;

    private static Inet4Address loopback(int last) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal IPv4 address", e);
        }
    }

    @Override
    public Integer call() throws Exception {
        KdnetKey key = KdnetKey.generate();
        int port = freePort();
        KernelConfig kernel = KernelConfig.defaults().withPrints(Duration.ofMillis(250),
                "kdnet demo: DbgPrint #%d from the simulated kernel\n");
        HostConfig config = HostConfig.of(key, List.of(port)).withBindAddress(HOST);
        try (UdpTransport transport = UdpTransport.create(2);
                DebuggerHost host = DebuggerHost.start(transport, config, DebuggerSettings.defaults());
                TargetAgent target = TargetAgent.start(transport, AgentConfig.of(key, HOST, port, TARGET),
                        KdStub.factory(kernel))) {
            spec.commandLine().getErr().println("demo: simulated Windows 10 target on " + TARGET.getHostAddress()
                    + ", host on " + HOST.getHostAddress() + ", UDP " + port + ", a fresh key (fp "
                    + key.fingerprint() + ")");
            DebugSession session = new DebugSession(host, spec.commandLine().getOut(), spec.commandLine().getErr());
            return session.run(DemoCommand::script, Duration.ofSeconds(20));
        }
    }

    /** The demo's commands; the breakpoint address depends on where the kernel stopped. */
    private static List<String> script(Debugger debugger) {
        debugger.step();
        long breakAt = instructionsAhead(debugger, debugger.stop().pc(), INSTRUCTIONS_AHEAD);
        return List.of("vertarget", "r", "db nt L80", "lm", String.format("bp %x", breakAt), "bl", "g", "r rip",
                "bc *", ".kdstats", "q");
    }

    /** Follows the instruction stream {@code count} instructions from {@code pc}, reading code in 32 KiB windows. */
    private static long instructionsAhead(Debugger debugger, long pc, int count) {
        long address = pc;
        long windowStart = pc;
        byte[] window = new byte[0];
        for (int i = 0; i < count; i++) {
            if (address < windowStart || address + 16 > windowStart + window.length) {
                windowStart = address;
                window = debugger.readVirtual(address, CODE_WINDOW).bytes();
            }
            int at = (int) (address - windowStart);
            byte[] code = Arrays.copyOfRange(window, at, Math.min(window.length, at + 16));
            SyntheticInstruction instruction = SyntheticInstruction.decode(code).orElse(SyntheticInstruction.NOP);
            address = instruction == SyntheticInstruction.JMP_REL32
                    ? address + SyntheticInstruction.JMP_LENGTH + WireBytes.wrap(code).getInt(1)
                    : address + instruction.length();
        }
        return address;
    }

    private static int freePort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, HOST)) {
            return probe.getLocalPort();
        }
    }
}
