package dev.kdnet.host.cli;

import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.args.KeySource;
import dev.kdnet.protocol.args.PortRange;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet demo}: the host on 127.0.0.1 and, as a second process, a simulated Windows target on 127.0.0.2
 * ({@code ./kdnet target}), a fresh key, and a real session between them over KDNET: attach, {@code vertarget},
 * registers, the kernel's header, a breakpoint that is hit while the kernel's DbgPrint lines arrive, and statistics.
 * The target process is stopped when the demo ends, however it ends.
 */
@Command(name = DemoCommand.NAME, sortOptions = false, usageHelpAutoWidth = true,
        description = "Start a simulated target (./kdnet target) on loopback and show a real debugging session"
                + " with it.")
final class DemoCommand implements Callable<Integer> {
    /** The subcommand's name. */
    static final String NAME = "demo";
    /** How users start the demo: the launcher's own command, which builds both jars first. */
    static final String SPELLING = "./kdnet demo";
    /** How long the demo waits for its target to start and attach. */
    private static final Duration ATTACH_WAIT = Duration.ofSeconds(30);
    /** How long the demo's {@code g} waits for its breakpoint (hit a few seconds after {@code g}). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    /** Time between the simulated kernel's DbgPrint lines while it runs. */
    private static final Duration PRINT_INTERVAL = Duration.ofSeconds(1);
    /** The text of those lines; the target puts a running count in place of {@code %d}. */
    private static final String PRINT_TEXT = "kdnet demo: DbgPrint #%d from the simulated kernel\n";
    /** The ports bcdedit recommends, where the demo takes the first free one. */
    private static final PortRange RECOMMENDED_PORTS = new PortRange(50000, 50039);
    private static final Inet4Address HOST = loopback(1);
    private static final Inet4Address TARGET = loopback(2);

    @Spec
    private CommandSpec spec;

    @Option(names = "--target-jar", paramLabel = "FILE",
            description = "The simulated target's jar (default: kdnet-target-sim/target/kdnet-target-sim.jar of the"
                    + " build this host comes from; ./kdnet demo builds it).")
    private Path targetJar;

    private static Inet4Address loopback(int last) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal IPv4 address", e);
        }
    }

    @Mixin
    private LogOptions logOptions;

    @Override
    public Integer call() throws Exception {
        Path jar = SimulatedTargetProcess.jar(targetJar, SPELLING);
        KdnetKey key = KdnetKey.generate();
        int port = freePort();
        HostConfig config = HostConfig.of(key, List.of(port)).withBindAddress(HOST);
        PrintWriter err = spec.commandLine().getErr();
        try (HostLog log = HostLog.start(logOptions, err);
                UdpTransport transport = UdpTransport.create(1);
                DebuggerHost host = DebuggerHost.start(transport, config, DebuggerSettings.defaults());
                SimulatedTargetProcess target = SimulatedTargetProcess.start(jar, targetArguments(port),
                        Map.of(KeySource.ENVIRONMENT, key.format()), err)) {
            err.println("demo: started a simulated target (pid " + target.pid() + ") on " + TARGET.getHostAddress()
                    + ", host on " + HOST.getHostAddress() + ", UDP " + port + ", a fresh key (fp "
                    + key.fingerprint() + ")");
            DebugSession session = new DebugSession(host, spec.commandLine().getOut(), err, log);
            return session.run(SCRIPT, ATTACH_WAIT, Optional.of(STOP_WAIT));
        }
    }

    /** {@code ./kdnet target}'s options for the demo's target; the key goes in its environment, out of sight. */
    private static List<String> targetArguments(int port) {
        return List.of("--hostip", HOST.getHostAddress(), "--port", Integer.toString(port), "--local-ip", TARGET.getHostAddress(), "--print-interval", Long.toString(PRINT_INTERVAL.toMillis()),
                "--print-text", PRINT_TEXT);
    }

    /**
     * The demo's commands, each printed with its output: nothing runs on the target that the transcript does not
     * show. The breakpoint goes on the instruction {@code t} has just reached: the simulated kernel's CPU loops
     * through its code, so {@code g} executes that instruction and meets it again a pass later (a few seconds),
     * while DbgPrint lines arrive.
     */
    private static final List<String> SCRIPT = List.of("vertarget", "r", "db nt L80", "lm", "t", "bp @rip", "bl", "g",
            "r rip", "bc *", ".kdstats", "q");

    /** The first port of the recommended KDNET range that is free on the host's address. */
    private static int freePort() {
        for (int port : RECOMMENDED_PORTS.ports()) {
            try (DatagramSocket probe = new DatagramSocket(port, HOST)) {
                return probe.getLocalPort();
            } catch (SocketException taken) {
                // another program has it; try the next
            }
        }
        throw new IllegalStateException("every UDP port " + RECOMMENDED_PORTS + " of " + HOST.getHostAddress()
                + " is taken");
    }
}
