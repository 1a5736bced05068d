package dev.kdnet.host.cli;

import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.load.Baseline;
import dev.kdnet.host.load.LoadReport;
import dev.kdnet.host.load.LoadResult;
import dev.kdnet.host.load.LoadRun;
import dev.kdnet.host.load.LoadSettings;
import dev.kdnet.host.load.ReportData;
import dev.kdnet.host.load.SweepSpec;
import dev.kdnet.host.load.WireSize;
import dev.kdnet.host.load.Workload;
import dev.kdnet.host.relay.Impairment;
import dev.kdnet.host.relay.ImpairmentText;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private static final String SWEEP_HEADER = "%-12s %12s %10s %9s %9s %9s %6s %9s";
    private static final String SWEEP_ROW = "%-12s %12.3f %10.1f %9.1f %9.1f %9.3f %6.2f %9d";
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double PERCENT = 100;

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

    @Option(names = "--sweep", paramLabel = "PARAMETER=V1,V2,...",
            description = "One run per value, each after its own baseline: delay=0ms,0.5ms,1ms (through the relays),"
                    + " loss=0%%,1%%,5%% or request-size=0x448,3944; a table of MB/s per target beside the law"
                    + " payload / RTT, and the curve in the HTML report.")
    private String sweep;

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
        Optional<List<SweepPoint>> sweepPoints = sweepPoints(settings, impairment);
        boolean sweepsRelays = sweepPoints.isPresent() && sweepSpec().parameter().impairs();
        boolean relayed = !impairment.equals(Impairment.NONE) || sweepsRelays;
        Path jar = SimulatedTargetProcess.jar(targetJar, SPELLING);
        KdnetKey key = KdnetKey.generate();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        HostConfig config = HostConfig.of(key, ports).withBindAddress(HOST);
        try (HostLog log = HostLog.start(logOptions, err);
                UdpTransport transport = UdpTransport.create(Runtime.getRuntime().availableProcessors());
                DebuggerHost host = DebuggerHost.start(transport, config,
                        LoadOptions.debuggerSettings(settings, sweepPoints.isPresent()
                                && sweepSpec().parameter() == SweepSpec.Parameter.REQUEST_SIZE));
                LoadRelays relays = relayed ? LoadRelays.start(transport, ports, RELAY, HOST,
                        sweepsRelays ? Impairment.NONE : impairment, settings.seed())
                        : LoadRelays.none();
                SimulatedTargetProcess fleet = SimulatedTargetProcess.start(jar, targetArguments(ports,
                        relayed ? RELAY : HOST, settings.seed()),
                        Map.of(KeySource.ENVIRONMENT, key.format()), err)) {
            err.println("load: " + ports.size() + " simulated target(s) (pid " + fleet.pid() + ") on "
                    + TARGET.getHostAddress() + ", host on " + HOST.getHostAddress() + ", UDP " + config.portsText()
                    + (relayed ? ", through impairing relays on " + RELAY.getHostAddress() : "") + "; attaching...");
            err.flush();
            if (sweepPoints.isPresent()) {
                return sweep(host, transport, ports, sweepPoints.get(), relays, out, err);
            }
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

    /** One point of a sweep: its settings, its impairment and its value on the chart's axis. */
    private record SweepPoint(String value, double axis, LoadSettings settings, Impairment impairment) {
    }

    private SweepSpec sweepSpec() {
        try {
            return SweepSpec.parse(sweep);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The sweep's points, every value checked before anything starts; empty without --sweep. */
    private Optional<List<SweepPoint>> sweepPoints(LoadSettings settings, Impairment impairment) {
        if (sweep == null) {
            return Optional.empty();
        }
        SweepSpec spec = sweepSpec();
        List<SweepPoint> points = new ArrayList<>();
        for (String value : spec.values()) {
            try {
                points.add(switch (spec.parameter()) {
                    case DELAY -> {
                        Duration delay = ImpairmentText.duration(value);
                        yield new SweepPoint(value, delay.toNanos() / NANOS_PER_MILLI, settings, new Impairment(
                                impairment.loss(), impairment.duplicate(), impairment.reorder(), delay,
                                impairment.jitter(), impairment.corrupt()));
                    }
                    case LOSS -> {
                        double loss = ImpairmentText.share(value);
                        yield new SweepPoint(value, loss * PERCENT, settings, new Impairment(loss,
                                impairment.duplicate(), impairment.reorder(), impairment.delay(), impairment.jitter(),
                                impairment.corrupt()));
                    }
                    case REQUEST_SIZE -> {
                        int size = LoadOptions.parseSize(value);
                        yield new SweepPoint(value, size, settings.withRequestSize(size), impairment);
                    }
                });
            } catch (IllegalArgumentException e) {
                throw new UsageException("--sweep " + spec.parameter().optionName() + " value " + value + ": "
                        + e.getMessage());
            }
        }
        return Optional.of(points);
    }

    /**
     * Attaches (through {@code fixedRelays}, which make way for each point's when the sweep varies the relays),
     * then for each point: the relays with its impairment (when the sweep varies them), its baseline, its run; one
     * line per point, MB/s per target beside payload / RTT. Exit 1 if any point failed.
     */
    private int sweep(DebuggerHost host, UdpTransport transport, List<Integer> ports, List<SweepPoint> points,
            LoadRelays fixedRelays, PrintWriter out, PrintWriter err) throws Exception {
        SweepSpec spec = sweepSpec();
        LoadOptions.attachAll(host);
        if (spec.parameter().impairs()) {
            fixedRelays.close();
        }
        out.println(String.format(Locale.ROOT, SWEEP_HEADER, spec.parameter().optionName(), "MB/s/target",
                "req/s", "p50 µs", "p99 µs", "law MB/s", "ratio", "mismatch"));
        List<ReportData.SweepPoint> curve = new ArrayList<>();
        LoadResult last = null;
        boolean passed = true;
        for (SweepPoint point : points) {
            err.println("load: sweep " + spec.parameter().optionName() + "=" + point.value());
            err.flush();
            try (LoadRelays relays = spec.parameter().impairs() ? LoadRelays.start(transport, ports, RELAY, HOST,
                    point.impairment(), point.settings().seed()) : LoadRelays.none()) {
                Baseline baseline = baseline(point.settings(), Duration.ofSeconds(LoadOptions.BASELINE_SECONDS),
                        transport, point.impairment());
                last = LoadRun.over(host, point.settings()).run(interval -> { });
                double perTarget = last.total().megabytesPerSecond() / ports.size();
                double law = baseline.lawMegabytesPerSecond();
                out.println(String.format(Locale.ROOT, SWEEP_ROW, point.value(), perTarget,
                        last.total().requestsPerSecond(), last.total().percentileMicros(50),
                        last.total().percentileMicros(99), law, law > 0 ? perTarget / law : 0,
                        last.total().tally().mismatches()));
                out.flush();
                curve.add(new ReportData.SweepPoint(point.axis(), perTarget, law));
                passed &= last.passed();
            }
        }
        if (last != null && loadOptions.htmlFile().isPresent()) {
            ReportData data = LoadReport.data(last);
            LoadOptions.writeHtml(new ReportData(data.title() + ", sweep of " + spec.parameter().optionName(),
                    data.settings(), data.totals(), data.intervals(), data.spectrum(), Optional.of(
                            new ReportData.Sweep(spec.parameter().optionName(), spec.parameter().unit(), curve))),
                    loadOptions.htmlFile().get());
        }
        return passed ? 0 : HostMain.FAILURE;
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
