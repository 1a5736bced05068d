package dev.kdnet.host.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdnet.host.api.Debugger;
import dev.kdnet.host.api.DebuggerHost;
import dev.kdnet.host.api.DebuggerSettings;
import dev.kdnet.host.load.Baseline;
import dev.kdnet.host.load.BaselineLine;
import dev.kdnet.host.load.EndTable;
import dev.kdnet.host.load.HtmlReport;
import dev.kdnet.host.load.Interval;
import dev.kdnet.host.load.LatencyDistribution;
import dev.kdnet.host.load.LiveLine;
import dev.kdnet.host.load.LoadJson;
import dev.kdnet.host.load.LoadReport;
import dev.kdnet.host.load.LoadResult;
import dev.kdnet.host.load.LoadRun;
import dev.kdnet.host.load.LoadSettings;
import dev.kdnet.host.load.ReportData;
import dev.kdnet.host.load.SweepSpec;
import dev.kdnet.host.load.Workload;
import dev.kdnet.protocol.args.DurationText;
import dev.kdnet.protocol.args.UsageException;
import dev.kdnet.protocol.load.LoadPattern;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The options of both load commands ({@code ./kdnet load}, {@code ./kdnet host load}) and what they share once
 * their targets listen: attach, run, and report (table, JSON, .hgrm, HTML).
 */
final class LoadOptions {
    /** How long the targets may take to attach, each. */
    static final Duration ATTACH_WAIT = Duration.ofSeconds(60);
    /** How long the raw UDP baseline runs. */
    static final int BASELINE_SECONDS = 2;

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
                    + " every byte checked; small: ReadControlSpace round trips of 8 bytes, the pure request"
                    + " latency; write: WritePhysicalMemory of --request-size bytes into the scratch region, then a"
                    + " read back, checked; mixed: read and write in turn; stops: continue then break in, the"
                    + " latency from the break-in to the stop; dump: one physical dump of --size bytes per target, in"
                    + " requests of --request-size as .dump /f reads, checked; the run lasts as long as the dumps"
                    + " (no warm-up, --duration does not apply) (default: ${DEFAULT-VALUE}).")
    private String workload;

    @Option(names = "--request-size", paramLabel = "BYTES", defaultValue = "0x448",
            description = "Bytes per read request, 1-" + DebuggerSettings.MAX_CHUNK_SIZE + ", decimal or 0x hex"
                    + " (default: ${DEFAULT-VALUE}, what WinDbg asks over KDNET).")
    private String requestSize;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "0x1000000",
            description = "Bytes of the dump workload's dump, from the start of the load region, 1-0x8000000,"
                    + " decimal or 0x hex (default: ${DEFAULT-VALUE}, 16 MiB).")
    private String dumpSize;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Requests per second per target: an open loop, whose latencies are corrected for"
                    + " coordinated omission (HdrHistogram's expected interval); 0 is a closed loop, each request"
                    + " when the last has completed (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--no-baseline",
            description = "Skip the raw UDP baseline: a ping-pong between two processes with the run's request and"
                    + " reply datagram sizes, measured for " + BASELINE_SECONDS + " s before the load, which the"
                    + " throughput is compared with.")
    private boolean noBaseline;

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
                    + " spectrum, and for --sweep the measured curve beside the law payload / RTT.")
    private Path html;

    /**
     * The debugger settings of a load run: chunks of the request size, so that a read or write is one request and a
     * dump is cut into requests of that size; of the largest size when a sweep varies the request size.
     */
    static DebuggerSettings debuggerSettings(LoadSettings settings, boolean sizeSwept) {
        return DebuggerSettings.defaults().withChunkSize(sizeSwept ? DebuggerSettings.MAX_CHUNK_SIZE
                : settings.requestSize());
    }

    /** The HTML report's file, if one was asked for. */
    Optional<Path> htmlFile() {
        return Optional.ofNullable(html);
    }

    /**
     * Attaches every port of {@code host}, runs the load and reports it; {@code notes}, asked for at the end, come
     * after the table (the relays' counts). Returns the exit code: 0 when the run passed, 1 otherwise.
     */
    int attachRunAndReport(DebuggerHost host, LoadSettings settings, List<Integer> ports,
            Supplier<List<String>> notes,
            BaselineRun baselineRun, PrintWriter out, PrintWriter err) throws Exception {
        PrintWriter table = "-".equals(json) || jsonStream ? err : out;
        attachAll(host);
        Optional<Baseline> baseline = noBaseline ? Optional.empty() : baselineRun.measure(
                Duration.ofSeconds(BASELINE_SECONDS));
        ObjectNode start = LoadJson.start(settings, ports, Instant.now());
        if (jsonStream) {
            out.println(LoadJson.event("start", start));
            out.flush();
        }
        err.println(settings.workload().once()
                ? "load: dump, one of " + settings.dumpSize() + " bytes per target; the run lasts as long as the dumps"
                : "load: " + settings.workload().optionName() + ", " + settings.duration().toMillis() / 1e3
                        + " s after " + settings.warmup().toMillis() / 1e3 + " s of warm-up");
        err.flush();
        List<Interval> intervals = new ArrayList<>();
        LoadResult result = LoadRun.over(host, settings).run(intervalListener(intervals, out, err));
        if (jsonStream) {
            out.println(LoadJson.event("end", LoadJson.end(result, baseline)));
        }
        writeJson(start, intervals, result, baseline, out);
        if (hgrm != null) {
            LatencyDistribution.write(result.total().latency(), hgrm);
        }
        if (html != null) {
            writeHtml(LoadReport.data(result), html);
        }
        EndTable.lines(result).forEach(table::println);
        baseline.ifPresent(measured -> table.println(BaselineLine.of(measured, result)));
        notes.get().forEach(table::println);
        table.flush();
        out.flush();
        return result.passed() ? 0 : HostMain.FAILURE;
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

    private void writeJson(ObjectNode start, List<Interval> intervals, LoadResult result,
            Optional<Baseline> baseline, PrintWriter out)
            throws IOException {
        if (json == null) {
            return;
        }
        writeJsonText(LoadJson.pretty(LoadJson.document(start, intervals, result, baseline)), out);
    }

    private void writeJsonText(String text, PrintWriter out) throws IOException {
        if ("-".equals(json)) {
            out.println(text);
        } else {
            Files.writeString(Path.of(json), text + System.lineSeparator(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the HTML report of {@code data} to {@code file}. */
    static void writeHtml(ReportData data, Path file) throws IOException {
        HtmlReport.write(data, file);
    }

    /** Refuses what takes one run's results only ({@code --hgrm}, {@code --json-stream}) with a sweep. */
    void requireOneDocumentPerSweep() {
        if (hgrm != null || jsonStream) {
            throw new UsageException((hgrm != null ? "--hgrm" : "--json-stream") + " takes one run, not a sweep;"
                    + " with --sweep use --json, whose points each hold their latency histogram");
        }
    }

    /**
     * One measured point of a sweep.
     *
     * @param value    the swept parameter's value as written
     * @param axis     that value on the chart's axis
     * @param run      its run
     * @param baseline its raw UDP baseline
     */
    record SweepOutcome(String value, double axis, LoadResult run, Baseline baseline) {
        /** Measured MB/s per target. */
        double megabytesPerSecondPerTarget() {
            return run.total().megabytesPerSecond() / run.targets().size();
        }
    }

    /**
     * The sweep's JSON (with {@code --json}: its settings, then each point's value and end figures) and HTML report
     * (with {@code --html}: the last point's intervals and spectrum, and the curve of every point).
     */
    void writeSweep(SweepSpec spec, List<SweepOutcome> points, List<Integer> ports, LoadSettings settings,
            PrintWriter out) throws IOException {
        if (points.isEmpty()) {
            return;
        }
        if (json != null) {
            ObjectNode document = LoadJson.sweepDocument(LoadJson.start(settings, ports, Instant.now()),
                    spec.parameter().optionName(), spec.parameter().unit(), points.stream()
                            .map(point -> LoadJson.sweepPoint(point.value(), point.axis(), point.run(),
                                    point.baseline())).toList());
            writeJsonText(LoadJson.pretty(document), out);
        }
        if (html != null) {
            ReportData last = LoadReport.data(points.get(points.size() - 1).run());
            List<ReportData.SweepPoint> curve = points.stream().map(point -> new ReportData.SweepPoint(point.axis(),
                    point.megabytesPerSecondPerTarget(), point.baseline().lawMegabytesPerSecond())).toList();
            writeHtml(new ReportData(last.title() + ", sweep of " + spec.parameter().optionName(),
                    last.settings(), last.totals(), last.intervals(), last.spectrum(), Optional.of(
                            new ReportData.Sweep(spec.parameter().optionName(), spec.parameter().unit(), curve))),
                    html);
        }
    }

    static void attachAll(DebuggerHost host) throws InterruptedException {
        List<CompletableFuture<?>> attached = new ArrayList<>();
        for (Debugger debugger : host.debuggers()) {
            attached.add(debugger.async().attach(ATTACH_WAIT));
        }
        try {
            CompletableFuture.allOf(attached.toArray(CompletableFuture[]::new))
                    .get(ATTACH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("not every target attached within " + ATTACH_WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("not every target attached: " + e.getCause().getMessage());
        }
    }

    /** The settings the options give; a one-line UsageException for a bad one. */
    LoadSettings settings(boolean check) {
        try {
            Workload kind = Workload.parse(workload);
            int size = parseSize(requestSize);
            Duration measured = DurationText.parse("--duration", duration);
            Duration warm = DurationText.parse("--warmup", warmup);
            if (measured.isZero()) {
                throw new UsageException("--duration " + duration + " measures nothing; give more than 0, e.g. 10s");
            }
            if (!(rate >= 0)) {
                throw new UsageException("--rate " + rate + " is negative; give requests/s per target, or 0 for a"
                        + " closed loop");
            }
            long dump = parseDumpSize(dumpSize);
            return new LoadSettings(kind, size, measured, warm, seed, LoadSettings.DEFAULT_INTERVAL, check, rate,
                    (int) dump);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static long parseDumpSize(String text) {
        return byteCount("--size", text, LoadPattern.REGION_SIZE, "0x8000000", "0x1000000");
    }

    static int parseSize(String text) {
        return (int) byteCount("--request-size", text, DebuggerSettings.MAX_CHUNK_SIZE,
                Integer.toString(DebuggerSettings.MAX_CHUNK_SIZE), "0x448");
    }

    /** A count of bytes, 1 to {@code max}, in decimal or 0x hex; one line naming {@code option} otherwise. */
    private static long byteCount(String option, String text, long max, String maxText, String example) {
        long size;
        try {
            size = text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16)
                    : Long.parseLong(text);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > max) {
            throw new UsageException(option + " " + text + " is not 1-" + maxText + " bytes (decimal or 0x hex, e.g. "
                    + example + ")");
        }
        return size;
    }
}
