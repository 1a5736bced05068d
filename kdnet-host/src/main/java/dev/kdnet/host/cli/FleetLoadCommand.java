package dev.kdnet.host.cli;

import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.load.Baseline;
import dev.kdnet.host.load.LoadResult;
import dev.kdnet.host.load.LoadRun;
import dev.kdnet.host.load.LoadSettings;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    private static final String SWEEP_HEADER = "%-12s %9s %12s %10s %10s %9s %9s %9s %6s %9s";
    private static final String SWEEP_ROW = "%-12s %9.3f %12.3f %10.1f %10.0f %9.1f %9.1f %9.3f %6.2f %9d";
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
                    + " loss=0%%,1%%,5%%, request-size=0x448,3944 or targets=1,10,40 (a fleet per value); a table"
                    + " of MB/s in total and per target beside the law payload / RTT, the curve in the HTML report,"
                    + " every point's end figures in the JSON (--hgrm and --json-stream take one run: not with"
                    + " --sweep).")
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


    @Override
    public Integer call() throws Exception {
        LoadSettings settings = loadOptions.settings(true);
        List<Integer> ports = ports(targets);
        Impairment impairment = impairmentOptions.impairment();
        Optional<SweepSpec> sweepSpec = Optional.ofNullable(sweep).map(FleetLoadCommand::sweepSpec);
        Optional<List<SweepPoint>> sweepPoints = sweepSpec.map(spec -> sweepPoints(spec, settings, impairment));
        sweepSpec.ifPresent(spec -> loadOptions.requireOneDocumentPerSweep());
        Path jar = SimulatedTargetProcess.jar(targetJar, SPELLING);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try (HostLog log = HostLog.start(logOptions, err);
                UdpTransport transport = UdpTransport.create(Runtime.getRuntime().availableProcessors())) {
            if (sweepSpec.isEmpty()) {
                try (Fleet fleet = Fleet.start(jar, transport, ports, relaysFor(impairment), settings, false, err)) {
                    return loadOptions.attachRunAndReport(fleet.host(), settings, ports, fleet.relays()::summary,
                            duration -> Optional.of(baseline(settings, duration, transport, impairment)), out, err);
                }
            }
            return sweep(sweepSpec.get(), sweepPoints.get(), jar, transport, ports, impairment, settings, out, err);
        }
    }

    /**
     * A fleet process and a host on its ports, with or without relays between them (relays without impairment are
     * closed once the targets attached, to make room for those of each point of a sweep of the relays' impairment;
     * closing them twice is harmless).
     */
    private record Fleet(DebuggerHost host, LoadRelays relays, SimulatedTargetProcess process)
            implements AutoCloseable {
        static Fleet start(Path jar, UdpTransport transport, List<Integer> ports, Optional<Impairment> relaying,
                LoadSettings settings, boolean sizeSwept, PrintWriter err) throws Exception {
            boolean relayed = relaying.isPresent();
            KdnetKey key = KdnetKey.generate();
            HostConfig config = HostConfig.of(key, ports).withBindAddress(HOST);
            DebuggerHost host = DebuggerHost.start(transport, config, LoadOptions.debuggerSettings(settings,
                    sizeSwept));
            LoadRelays relays = LoadRelays.none();
            try {
                relays = relayed ? LoadRelays.start(transport, ports, RELAY, HOST, relaying.get(), settings.seed())
                        : LoadRelays.none();
                SimulatedTargetProcess process = SimulatedTargetProcess.start(jar, targetArguments(ports,
                        relayed ? RELAY : HOST, settings.seed()), Map.of(KeySource.ENVIRONMENT, key.format()), err);
                err.println("load: " + ports.size() + " simulated target(s) (pid " + process.pid() + ") on "
                        + TARGET.getHostAddress() + ", host on " + HOST.getHostAddress() + ", UDP "
                        + config.portsText() + (relayed ? ", through impairing relays on " + RELAY.getHostAddress()
                        : "") + "; attaching...");
                err.flush();
                return new Fleet(host, relays, process);
            } catch (Exception | Error e) {
                relays.close();
                host.close();
                throw e;
            }
        }

        /** Stops the fleet, then the relays, then the host. */
        @Override
        public void close() throws Exception {
            try {
                process.close();
            } finally {
                try {
                    relays.close();
                } finally {
                    host.close();
                }
            }
        }
    }

    /** Relays with {@code impairment} between the fleet and the host, or none when it impairs nothing. */
    private static Optional<Impairment> relaysFor(Impairment impairment) {
        return impairment.equals(Impairment.NONE) ? Optional.empty() : Optional.of(impairment);
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

    /**
     * One point of a sweep: its value as written, its value on the chart's axis, its settings, its impairment and
     * its number of targets.
     */
    private record SweepPoint(String value, double axis, LoadSettings settings, Impairment impairment, int targets) {
    }

    private static SweepSpec sweepSpec(String text) {
        try {
            return SweepSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The sweep's points, every value checked before anything starts. */
    private List<SweepPoint> sweepPoints(SweepSpec spec, LoadSettings settings, Impairment impairment) {
        List<SweepPoint> points = new ArrayList<>();
        for (String value : spec.values()) {
            try {
                points.add(switch (spec.parameter()) {
                    case DELAY -> {
                        Duration delay = ImpairmentText.duration(value);
                        yield new SweepPoint(value, delay.toNanos() / NANOS_PER_MILLI, settings, new Impairment(
                                impairment.loss(), impairment.duplicate(), impairment.reorder(), delay,
                                impairment.jitter(), impairment.corrupt()), targets);
                    }
                    case LOSS -> {
                        double loss = ImpairmentText.share(value);
                        yield new SweepPoint(value, loss * PERCENT, settings, new Impairment(loss,
                                impairment.duplicate(), impairment.reorder(), impairment.delay(), impairment.jitter(),
                                impairment.corrupt()), targets);
                    }
                    case REQUEST_SIZE -> {
                        int size = LoadOptions.parseSize(value);
                        yield new SweepPoint(value, size, settings.withRequestSize(size), impairment, targets);
                    }
                    case TARGETS -> {
                        int count = targetCount(value);
                        ports(count);
                        yield new SweepPoint(value, count, settings, impairment, count);
                    }
                });
            } catch (IllegalArgumentException e) {
                throw new UsageException("--sweep " + spec.parameter().optionName() + " value " + value + ": "
                        + e.getMessage());
            }
        }
        return points;
    }

    private static int targetCount(String value) {
        int count;
        try {
            count = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > MAX_TARGETS) {
            throw new IllegalArgumentException("not a number of targets, 1-" + MAX_TARGETS);
        }
        return count;
    }

    /**
     * For each point its own baseline (through relays with its impairment) and its own run, one row per point: MB/s
     * in total and per target beside payload / RTT; then the JSON and the HTML report of the sweep. A sweep of the
     * relays attaches once and replaces the relays per point; a sweep of targets starts a fleet per point. Exit 1 if
     * any point failed.
     */
    private int sweep(SweepSpec spec, List<SweepPoint> points, Path jar, UdpTransport transport, List<Integer> ports,
            Impairment impairment, LoadSettings settings, PrintWriter out, PrintWriter err) throws Exception {
        out.println(String.format(Locale.ROOT, SWEEP_HEADER, spec.parameter().optionName(), "MB/s", "MB/s/target",
                "req/s", "dgram/s", "p50 µs", "p99 µs", "law MB/s", "ratio", "mismatch"));
        List<SweepResult> results = new ArrayList<>();
        boolean sizeSwept = spec.parameter() == SweepSpec.Parameter.REQUEST_SIZE;
        if (spec.parameter() == SweepSpec.Parameter.TARGETS) {
            for (SweepPoint point : points) {
                try (Fleet fleet = Fleet.start(jar, transport, ports(point.targets()), relaysFor(impairment),
                        settings, sizeSwept, err)) {
                    LoadOptions.attachAll(fleet.host());
                    results.add(measure(spec, point, fleet, transport, ports(point.targets()), out, err));
                }
            }
        } else {
            Optional<Impairment> relaying = spec.parameter().impairs() ? Optional.of(Impairment.NONE)
                    : relaysFor(impairment);
            try (Fleet fleet = Fleet.start(jar, transport, ports, relaying, settings, sizeSwept, err)) {
                LoadOptions.attachAll(fleet.host());
                if (spec.parameter().impairs()) {
                    fleet.relays().close();
                }
                for (SweepPoint point : points) {
                    results.add(measure(spec, point, fleet, transport, ports, out, err));
                }
            }
        }
        loadOptions.writeSweep(spec, results.stream().map(SweepResult::point).toList(), ports, settings, out);
        return results.stream().allMatch(result -> result.run().passed()) ? 0 : HostMain.FAILURE;
    }

    /** One measured point of a sweep: what the JSON and the report need, and the run itself. */
    private record SweepResult(LoadOptions.SweepOutcome point, LoadResult run) {
    }

    /**
     * Measures one point on {@code fleet}, whose targets are attached: through relays with the point's impairment
     * when the sweep varies them (the fleet's targets then send to where those relays listen), its baseline, its run,
     * its row.
     */
    private SweepResult measure(SweepSpec spec, SweepPoint point, Fleet fleet, UdpTransport transport,
            List<Integer> ports, PrintWriter out, PrintWriter err) throws Exception {
        err.println("load: sweep " + spec.parameter().optionName() + "=" + point.value());
        err.flush();
        boolean relaysSwept = spec.parameter().impairs();
        try (LoadRelays relays = relaysSwept ? LoadRelays.start(transport, ports, RELAY, HOST, point.impairment(),
                point.settings().seed()) : LoadRelays.none()) {
            Baseline baseline = baseline(point.settings(), Duration.ofSeconds(LoadOptions.BASELINE_SECONDS),
                    transport, point.impairment());
            LoadResult run = LoadRun.over(fleet.host(), point.settings()).run(interval -> { });
            double perTarget = run.total().megabytesPerSecond() / ports.size();
            double law = baseline.lawMegabytesPerSecond();
            out.println(String.format(Locale.ROOT, SWEEP_ROW, point.value(), run.total().megabytesPerSecond(),
                    perTarget, run.total().requestsPerSecond(), run.total().datagramsPerSecond(),
                    run.total().percentileMicros(50), run.total().percentileMicros(99), law,
                    law > 0 ? perTarget / law : 0, run.total().tally().mismatches()));
            out.flush();
            return new SweepResult(new LoadOptions.SweepOutcome(point.value(), point.axis(), run, baseline), run);
        }
    }

    /** Ports P..P+count-1 of --port. */
    private List<Integer> ports(int count) {
        if (count < 1 || count > MAX_TARGETS) {
            throw new UsageException("--targets " + count + " is not 1-" + MAX_TARGETS);
        }
        int first = PortArgument.parse(port);
        if (first + count - 1 > PortArgument.LAST) {
            throw new UsageException("--port " + port + " leaves no room for " + count + " targets below "
                    + PortArgument.LAST);
        }
        return IntStream.range(first, first + count).boxed().toList();
    }

    /** {@code ./kdnet target}'s options for the fleet; the key goes in its environment, out of sight. */
    private static List<String> targetArguments(List<Integer> ports, Inet4Address hostIp, long seed) {
        return List.of("--hostip", hostIp.getHostAddress(), "--ports", ports.get(0) + "-" + ports.get(ports.size() - 1),
                "--local-ip", TARGET.getHostAddress(), "--seed", Long.toString(seed));
    }
}
