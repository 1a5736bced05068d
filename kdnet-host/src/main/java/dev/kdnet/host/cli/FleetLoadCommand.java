package dev.kdnet.host.cli;

import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.load.DurationText;
import dev.kdnet.host.load.EndTable;
import dev.kdnet.host.load.Interval;
import dev.kdnet.host.load.LiveLine;
import dev.kdnet.host.load.LatencyDistribution;
import dev.kdnet.host.load.LoadJson;
import dev.kdnet.host.load.LoadReport;
import dev.kdnet.host.load.LoadResult;
import dev.kdnet.host.load.LoadRun;
import dev.kdnet.host.load.LoadSettings;
import dev.kdnet.host.load.ReportData;
import dev.kdnet.host.load.Workload;
import dev.kdnet.host.relay.Impairment;
import dev.kdnet.host.session.HostConfig;
import dev.kdnet.protocol.args.KeySource;
import dev.kdnet.protocol.args.PortArgument;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.key.KdnetKey;
import dev.kdnet.protocol.netty.UdpTransport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
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
    /** How long the targets may take to start and attach, each. */
    private static final Duration ATTACH_WAIT = Duration.ofSeconds(60);
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

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10s",
            description = "How long to measure, e.g. 30s, 500ms, 2m; a bare number is seconds (default:"
                    + " ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "2s",
            description = "How long to drive the targets before measuring; not counted (default: ${DEFAULT-VALUE}).")
    private String warmup;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the simulators' load region, which every byte read is checked against, and of"
                    + " the addresses read (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--workload", paramLabel = "KIND", defaultValue = "read",
            description = "read: ReadPhysicalMemory of --request-size bytes at random addresses of the load region,"
                    + " every byte checked; small: ReadControlSpace round trips of 8 bytes, the pure request latency"
                    + " (default: ${DEFAULT-VALUE}).")
    private String workload;

    @Option(names = "--request-size", paramLabel = "BYTES", defaultValue = "0x448",
            description = "Bytes per read request, 1-" + DebuggerSettings.MAX_CHUNK_SIZE + ", decimal or 0x hex"
                    + " (default: ${DEFAULT-VALUE}, what WinDbg asks over KDNET).")
    private String requestSize;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the results as JSON in iperf3's shape (start, intervals, end; docs/load.md) to FILE,"
                    + " or to stdout for -, where the table then goes to stderr.")
    private String json;

    @Option(names = "--json-stream", description = "Write one JSON line per event to stdout as it happens:"
            + " start, each interval, end; the table goes to stderr.")
    private boolean jsonStream;

    @Option(names = "--hgrm", paramLabel = "FILE",
            description = "Write the whole run's latency percentile distribution to FILE in HdrHistogram's .hgrm"
                    + " text (µs), which its plotter reads.")
    private Path hgrm;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write a self-contained HTML report to FILE: throughput over time, the latency percentile"
                    + " spectrum.")
    private Path html;

    @Option(names = "--target-jar", paramLabel = "FILE",
            description = "The simulated target's jar (default: kdnet-target-sim/target/kdnet-target-sim.jar of the"
                    + " build this host comes from; ./kdnet load builds it).")
    private Path targetJar;

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
        LoadSettings settings = settings();
        List<Integer> ports = ports();
        Impairment impairment = impairmentOptions.impairment();
        boolean relayed = !impairment.equals(Impairment.NONE);
        Path jar = SimulatedTargetProcess.jar(targetJar, SPELLING);
        KdnetKey key = KdnetKey.generate();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        boolean jsonToStdout = "-".equals(json) || jsonStream;
        PrintWriter table = jsonToStdout ? err : out;
        HostConfig config = HostConfig.of(key, ports).withBindAddress(HOST);
        DebuggerSettings debuggerSettings = DebuggerSettings.defaults().withChunkSize(settings.workload()
                == Workload.READ ? settings.requestSize() : DebuggerSettings.KDNET_CHUNK_SIZE);
        try (HostLog log = HostLog.start(logOptions, err);
                UdpTransport transport = UdpTransport.create(Runtime.getRuntime().availableProcessors());
                DebuggerHost host = DebuggerHost.start(transport, config, debuggerSettings);
                LoadRelays relays = relayed ? LoadRelays.start(transport, ports, RELAY, HOST, impairment, seed)
                        : LoadRelays.none();
                SimulatedTargetProcess fleet = SimulatedTargetProcess.start(jar, targetArguments(ports,
                        relayed ? RELAY : HOST),
                        Map.of(KeySource.ENVIRONMENT, key.format()), err)) {
            err.println("load: " + ports.size() + " simulated target(s) (pid " + fleet.pid() + ") on "
                    + TARGET.getHostAddress() + ", host on " + HOST.getHostAddress() + ", UDP " + config.portsText()
                    + (relayed ? ", through impairing relays on " + RELAY.getHostAddress() : "") + "; attaching...");
            err.flush();
            attachAll(host);
            ObjectNode start = LoadJson.start(settings, ports, Instant.now());
            if (jsonStream) {
                out.println(LoadJson.event("start", start));
                out.flush();
            }
            err.println("load: " + settings.workload().optionName() + ", " + settings.duration().toMillis() / 1e3
                    + " s after " + settings.warmup().toMillis() / 1e3 + " s of warm-up");
            err.flush();
            List<Interval> intervals = new ArrayList<>();
            LoadResult result = LoadRun.over(host, settings).run(intervalListener(intervals, out, err));
            if (jsonStream) {
                out.println(LoadJson.event("end", LoadJson.end(result)));
            }
            writeJson(start, intervals, result, out);
            if (hgrm != null) {
                LatencyDistribution.write(result.total().latency(), hgrm);
            }
            if (html != null) {
                writeHtml(LoadReport.data(result), html);
            }
            EndTable.lines(result).forEach(table::println);
            relays.summary().forEach(table::println);
            table.flush();
            out.flush();
            return result.passed() ? 0 : HostMain.FAILURE;
        }
    }

    private Consumer<Interval> intervalListener(List<Interval> intervals, PrintWriter out, PrintWriter err) {
        boolean live = System.console() != null;
        return interval -> {
            intervals.add(interval);
            if (jsonStream) {
                out.println(LoadJson.event("interval", LoadJson.interval(interval)));
                out.flush();
            }
            if (live) {
                err.println(LiveLine.of(interval));
                err.flush();
            }
        };
    }

    private void writeJson(ObjectNode start, List<Interval> intervals, LoadResult result, PrintWriter out)
            throws IOException {
        if (json == null) {
            return;
        }
        String text = LoadJson.pretty(LoadJson.document(start, intervals, result));
        if ("-".equals(json)) {
            out.println(text);
        } else {
            Files.writeString(Path.of(json), text + System.lineSeparator(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The one call into the HTML report, which comes from its own branch ({@code HtmlReport.write(data, file)}
     * there); until that is merged, this build says it has none.
     */
    private static void writeHtml(ReportData data, Path file) {
        throw new UsageException("--html " + file + ": this build has no HTML report yet (" + data.title() + ")");
    }

    private static void attachAll(DebuggerHost host) throws InterruptedException {
        List<CompletableFuture<?>> attached = new ArrayList<>();
        for (Debugger debugger : host.debuggers()) {
            attached.add(debugger.async().attach(ATTACH_WAIT));
        }
        try {
            CompletableFuture.allOf(attached.toArray(CompletableFuture[]::new))
                    .get(ATTACH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("not every simulated target attached within " + ATTACH_WAIT.toSeconds()
                    + " s: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    private LoadSettings settings() {
        try {
            Workload kind = Workload.parse(workload);
            int size = parseSize(requestSize);
            Duration measured = DurationText.parse("--duration", duration);
            Duration warm = DurationText.parse("--warmup", warmup);
            if (measured.isZero()) {
                throw new UsageException("--duration " + duration + " measures nothing; give more than 0, e.g. 10s");
            }
            return new LoadSettings(kind, size, measured, warm, seed, LoadSettings.DEFAULT_INTERVAL);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int parseSize(String text) {
        int size;
        try {
            size = text.startsWith("0x") || text.startsWith("0X") ? Integer.parseInt(text.substring(2), 16)
                    : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > DebuggerSettings.MAX_CHUNK_SIZE) {
            throw new UsageException("--request-size " + text + " is not 1-" + DebuggerSettings.MAX_CHUNK_SIZE
                    + " bytes (decimal or 0x hex, e.g. 0x448)");
        }
        return size;
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
    private List<String> targetArguments(List<Integer> ports, Inet4Address hostIp) {
        return List.of("--hostip", hostIp.getHostAddress(), "--ports", ports.get(0) + "-" + ports.get(ports.size() - 1),
                "--local-ip", TARGET.getHostAddress(), "--seed", Long.toString(seed));
    }
}
