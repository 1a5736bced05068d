package dev.kdnet.host.cli;

import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.load.Baseline;
import dev.kdnet.host.load.LoadSettings;
import dev.kdnet.host.load.WireSize;
import dev.kdnet.host.load.Workload;
import dev.kdnet.host.relay.Impairment;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.args.KeySource;
import dev.kdnet.protocol.args.PortArgument;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kdnet load}: a self-contained load test. Starts a fleet of simulated targets as a second process
 * ({@code ./kdnet target --ports P-Q --seed S} on 127.0.0.2), a host on the same ports here (127.0.0.1), drives
 * every target in a closed loop through the asynchronous debugger API, checks every byte read against the
 * simulators' seeded memory, and ends with a table (and JSON on request). Exit 1 when a session was lost or a byte
 * was wrong.
 */
@Command(name = FleetLoadCommand.NAME, hidden = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Load-test the KDNET transport against a fleet of simulated targets started here: MB/s,"
                + " requests/s, latency percentiles (HdrHistogram), retransmits, drops, host CPU and heap, and"
                + " every byte read checked against the simulators' seeded memory.",
            "Exit status: 0 when every session lasted and every byte was right, 1 otherwise, 2 for bad options."})
final class FleetLoadCommand implements Callable<Integer> {
    /** The subcommand's name under the host; users run it as {@link #SPELLING}. */
    static final String NAME = "load-fleet";
    /** How users start it: the launcher's own command, which builds both jars first. */
    static final String SPELLING = "./kdnet load";
    /** The most targets one run starts. */
    static final int MAX_TARGETS = 40;
    private static final Inet4Address HOST = loopback(1);
    private static final Inet4Address TARGET = loopback(2);
    /** Where the targets send when the run impairs their traffic: the relays, which pass it on to {@link #HOST}. */
    private static final Inet4Address RELAY = loopback(3);

    @Spec
    private CommandSpec spec;

    @Option(names = "--targets", paramLabel = "N", defaultValue = "1",
            description = "Simulated targets, on ports P..P+N-1 (1-" + MAX_TARGETS + "; default: ${DEFAULT-VALUE}).")
    private int targets;

    @Option(names = "--port", paramLabel = "P", defaultValue = "50000",
            description = "The first UDP port (default: ${DEFAULT-VALUE}, the first of bcdedit's 50000-50039).")
    private String port;

    @Option(names = "--target-jar", paramLabel = "FILE",
            description = "The simulated target's jar (default: kdnet-target-sim/target/kdnet-target-sim.jar of the"
                    + " build this host comes from; ./kdnet load builds it).")
    private Path targetJar;

    @Mixin
    private LoadOptions loadOptions;

    @Mixin
    private ImpairmentOptions impairmentOptions;

    @Mixin
    private LogOptions logOptions;

    private static Inet4Address loopback(int last) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal IPv4 address", e);
        }
    }

    /** Makes the usage line say {@link #SPELLING}, as {@link DemoCommand} does for itself. */
    static void spellAsTheLauncherDoes(CommandLine load) {
        String underHost = load.getCommandSpec().qualifiedName();
        load.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_SYNOPSIS,
                help -> help.synopsis(help.synopsisHeadingLength()).replace(underHost, SPELLING));
    }

    @Override
    public Integer call() throws Exception {
        LoadSettings settings = loadOptions.settings(true);
        List<Integer> ports = ports();
        Impairment impairment = impairmentOptions.impairment();
        boolean relayed = !impairment.equals(Impairment.NONE);
        Path jar = SimulatedTargetProcess.jar(targetJar, SPELLING);
        KdnetKey key = KdnetKey.generate();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        HostConfig config = HostConfig.of(key, ports).withBindAddress(HOST);
        try (HostLog log = HostLog.start(logOptions, err);
                UdpTransport transport = UdpTransport.create(Runtime.getRuntime().availableProcessors());
                DebuggerHost host = DebuggerHost.start(transport, config,
                        LoadOptions.debuggerSettings(settings));
                LoadRelays relays = relayed ? LoadRelays.start(transport, ports, RELAY, HOST, impairment,
                        settings.seed())
                        : LoadRelays.none();
                SimulatedTargetProcess fleet = SimulatedTargetProcess.start(jar, targetArguments(ports,
                        relayed ? RELAY : HOST, settings.seed()),
                        Map.of(KeySource.ENVIRONMENT, key.format()), err)) {
            err.println("load: " + ports.size() + " simulated target(s) (pid " + fleet.pid() + ") on "
                    + TARGET.getHostAddress() + ", host on " + HOST.getHostAddress() + ", UDP " + config.portsText()
                    + (relayed ? ", through impairing relays on " + RELAY.getHostAddress() : "") + "; attaching...");
            err.flush();
            return loadOptions.attachRunAndReport(host, settings, ports, relays::summary,
                    duration -> Optional.of(baseline(settings, duration, transport, impairment)), out, err);
        }
    }

    /**
     * The raw UDP ping-pong between this process (on the host's address) and an echo peer process (on the
     * targets'), with the sizes of the run's datagrams, through a relay with the run's impairment if it has one.
     */
    private static Baseline baseline(LoadSettings settings, Duration duration, UdpTransport transport,
            Impairment impairment) throws Exception {
        int reply = WireSize.reply(settings.workload(), settings.requestSize());
        int request = WireSize.request(settings.workload(), settings.requestSize());
        int payload = settings.workload() == Workload.SMALL || settings.workload() == Workload.STOPS ? Long.BYTES
                : settings.requestSize();
        try (EchoPeerProcess peer = EchoPeerProcess.start(TARGET, reply);
                LoadRelays relay = impairment.equals(Impairment.NONE) ? LoadRelays.none()
                        : LoadRelays.towards(transport, RELAY, peer.address(), impairment, settings.seed())) {
            InetSocketAddress towardsPeer = relay.addresses().stream().findFirst().orElse(peer.address());
            return Baseline.measure(new InetSocketAddress(HOST, 0), towardsPeer, request, reply, payload,
                    duration);
        }
    }

    private List<Integer> ports() {
        if (targets < 1 || targets > MAX_TARGETS) {
            throw new UsageException("--targets " + targets + " is not 1-" + MAX_TARGETS);
        }
        int first = PortArgument.parse(port);
        if (first + targets - 1 > PortArgument.LAST) {
            throw new UsageException("--port " + port + " leaves no room for " + targets + " targets below "
                    + PortArgument.LAST);
        }
        return IntStream.range(first, first + targets).boxed().toList();
    }

    /** {@code ./kdnet target}'s options for the fleet; the key goes in its environment, out of sight. */
    private static List<String> targetArguments(List<Integer> ports, Inet4Address hostIp, long seed) {
        return List.of("--hostip", hostIp.getHostAddress(), "--ports", ports.get(0) + "-" + ports.get(ports.size() - 1),
                "--local-ip", TARGET.getHostAddress(), "--seed", Long.toString(seed));
    }
}
