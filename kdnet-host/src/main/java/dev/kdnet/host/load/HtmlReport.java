package dev.kdnet.host.load;

import static dev.kdnet.host.load.chart.Markup.escape;

import dev.kdnet.host.load.chart.Axis;
import dev.kdnet.host.load.chart.LineChart;
import dev.kdnet.host.load.chart.LinearAxis;
import dev.kdnet.host.load.chart.LogAxis;
import dev.kdnet.host.load.chart.PercentileAxis;
import dev.kdnet.host.load.chart.Point;
import dev.kdnet.host.load.chart.Series;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;

/**
 * The HTML report of a load run: one self-contained file (inline style, SVG charts, no script and nothing fetched)
 * with the title, a settings table, a totals table and three charts, each an {@code <svg>} with an id:
 * {@code throughput} (MB/s and requests/s per interval), {@code spectrum} (the latency percentile spectrum on
 * HdrHistogram's log percentile axis) and {@code sweep} (measured MB/s beside the {@code payload / RTT} law, or a
 * note when the run was not a sweep). Each series is a {@code g.series} named by {@code data-series}, with one
 * {@code circle.point} per data point: the throughput chart's two series each hold one point per interval. The
 * markup is also well-formed XML. All text from the data is escaped.
 */
public final class HtmlReport {
    /** The series of the throughput chart read against MB/s. */
    public static final String MEGABYTES_SERIES = "MB/s";
    /** The series of the throughput chart read against requests/s. */
    public static final String REQUESTS_SERIES = "requests/s";
    /** The series of the spectrum chart. */
    public static final String LATENCY_SERIES = "latency";
    /** The measured series of the sweep chart. */
    public static final String MEASURED_SERIES = "measured MB/s";
    /** The law's series of the sweep chart. */
    public static final String LAW_SERIES = "payload / RTT law";
    /** What the sweep chart says when the run was not a sweep. */
    static final String NOT_A_SWEEP = "not a sweep: this run measured one setting";

    private static final String BLUE = "#1f6fb4";
    private static final String ORANGE = "#e0731c";
    private static final String GREY = "#555555";
    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
                   color: #1d1d1f; margin: 2em auto; max-width: 62em; padding: 0 1em; }
            h1 { font-size: 1.5em; margin-bottom: 0.2em; }
            h2 { font-size: 1.15em; margin: 1.6em 0 0.3em; border-bottom: 1px solid #ddd; }
            p.lead, p.explain { color: #555; margin: 0.2em 0 0.8em; }
            table { border-collapse: collapse; margin: 0.4em 0; }
            th, td { text-align: left; padding: 0.2em 1.2em 0.2em 0; border-bottom: 1px solid #eee;
                     vertical-align: top; }
            th { font-weight: 600; color: #333; }
            td { font-variant-numeric: tabular-nums; }
            .tables { display: flex; flex-wrap: wrap; gap: 0 3em; }
            svg.chart { width: 100%; height: auto; max-width: 760px; display: block; }
            svg.chart text { font: 12px system-ui, Helvetica, Arial, sans-serif; fill: #333; }
            svg.chart text.title { font-weight: 600; }
            svg.chart text.note { font-size: 15px; fill: #777; }
            svg.chart .grid line { stroke: #e6e6e6; }
            svg.chart .axis line { stroke: #333; }
            svg.chart rect.frame { fill: none; stroke: #ccc; }
            svg.chart polyline { stroke-width: 2; }
            footer { margin-top: 2em; color: #888; font-size: 0.85em; }
            """;

    private HtmlReport() {
    }

    /**
     * Writes the report.
     *
     * @param data what to draw
     * @param file the file to (over)write, in UTF-8
     * @throws IOException when the file cannot be written
     */
    public static void write(ReportData data, Path file) throws IOException {
        Files.writeString(file, html(data), StandardCharsets.UTF_8);
    }

    /**
     * The report as text.
     *
     * @param data what to draw
     * @return a complete HTML document
     */
    public static String html(ReportData data) {
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<link rel=\"icon\" href=\"data:,\"/>\n")
                .append("<title>").append(escape(data.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(data.title())).append("</h1>\n");
        html.append("<p class=\"lead\">KDNET transport load test. MB/s counts memory payload in 10<sup>6</sup> bytes"
                + " per second; latencies are per request, in microseconds.</p>\n");
        html.append("<div class=\"tables\">\n");
        table(html, "settings", "Settings", data.settings());
        table(html, "totals", "Totals", data.totals());
        html.append("</div>\n");
        section(html, "Throughput over time", "Memory payload moved and requests completed in each reporting"
                + " interval, summed over the targets.", throughput(data.intervals()));
        section(html, "Latency percentile spectrum", "Request latency at each percentile of the whole run. Each"
                + " step to the right adds a nine (90%, 99%, 99.9%, ...), so the tail is as wide as the body.",
                spectrum(data.spectrum()));
        section(html, "Sweep", "Measured throughput at each value of the swept parameter, beside the stop-and-wait"
                + " law: one request's payload per measured round trip.", sweep(data.sweep()));
        html.append("<footer>Made by kdnet load. Self-contained: the charts are SVG drawn by kdnet; nothing is"
                + " fetched.</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, String id, String heading, List<ReportData.Entry> entries) {
        html.append("<section>\n<h2>").append(heading).append("</h2>\n<table id=\"").append(id).append("\">\n");
        for (ReportData.Entry entry : entries) {
            html.append("<tr><th>").append(escape(entry.label())).append("</th><td>").append(escape(entry.value()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void section(StringBuilder html, String heading, String explanation, LineChart chart) {
        html.append("<section>\n<h2>").append(heading).append("</h2>\n<p class=\"explain\">").append(explanation)
                .append("</p>\n").append(chart.svg()).append("</section>\n");
    }

    static LineChart throughput(List<ReportData.Interval> intervals) {
        List<Point> megabytes = intervals.stream().map(i -> new Point(i.endSeconds(), i.megabytesPerSecond(),
                format("%.1f s: %.2f MB/s", i.endSeconds(), i.megabytesPerSecond()))).toList();
        List<Point> requests = intervals.stream().map(i -> new Point(i.endSeconds(), i.requestsPerSecond(),
                format("%.1f s: %,.0f requests/s (p50 %,.0f µs, p99 %,.0f µs)", i.endSeconds(),
                        i.requestsPerSecond(), i.p50Micros(), i.p99Micros()))).toList();
        return new LineChart("throughput", "Throughput over time: MB/s and requests/s per interval",
                LinearAxis.covering("time (s)", intervals.stream().mapToDouble(ReportData.Interval::endSeconds)),
                LinearAxis.covering("MB/s",
                        intervals.stream().mapToDouble(ReportData.Interval::megabytesPerSecond)),
                Optional.of(LinearAxis.covering("requests/s",
                        intervals.stream().mapToDouble(ReportData.Interval::requestsPerSecond))),
                List.of(new Series(MEGABYTES_SERIES, BLUE, Series.Stroke.SOLID, Series.Side.LEFT, megabytes),
                        new Series(REQUESTS_SERIES, ORANGE, Series.Stroke.SOLID, Series.Side.RIGHT, requests)),
                "no intervals: the run ended before its first interval");
    }

    static LineChart spectrum(List<ReportData.SpectrumPoint> spectrum) {
        List<Point> points = spectrum.stream().map(p -> new Point(p.percentile(), p.latencyMicros(),
                format("%s%%: %,.0f µs", number(p.percentile()), p.latencyMicros()))).toList();
        return new LineChart("spectrum", "Latency by percentile, percentile on a log(1/(1-p)) axis",
                PercentileAxis.covering("percentile",
                        spectrum.stream().mapToDouble(ReportData.SpectrumPoint::percentile)),
                LinearAxis.covering("latency (µs)",
                        spectrum.stream().mapToDouble(ReportData.SpectrumPoint::latencyMicros)),
                Optional.empty(),
                List.of(new Series(LATENCY_SERIES, BLUE, Series.Stroke.SOLID, Series.Side.LEFT, points)),
                "no latency recorded");
    }

    static LineChart sweep(Optional<ReportData.Sweep> sweep) {
        String parameter = sweep.map(s -> s.unit().isEmpty() ? s.parameter() : s.parameter() + " (" + s.unit() + ")")
                .orElse("");
        List<ReportData.SweepPoint> points = sweep.map(ReportData.Sweep::points).orElse(List.of());
        String unit = sweep.map(ReportData.Sweep::unit).orElse("");
        List<Point> measured = points.stream().map(p -> new Point(p.value(), p.megabytesPerSecond(),
                format("%s: %.2f MB/s measured", withUnit(p.value(), unit), p.megabytesPerSecond()))).toList();
        List<Point> law = points.stream().map(p -> new Point(p.value(), p.lawMegabytesPerSecond(),
                format("%s: %.2f MB/s by payload / RTT", withUnit(p.value(), unit), p.lawMegabytesPerSecond())))
                .toList();
        return new LineChart("sweep", "Sweep: measured MB/s per target and the payload / RTT law",
                LinearAxis.covering(parameter, points.stream().mapToDouble(ReportData.SweepPoint::value)),
                throughputAxis(points),
                Optional.empty(),
                List.of(new Series(LAW_SERIES, GREY, Series.Stroke.DASHED, Series.Side.LEFT, law),
                        new Series(MEASURED_SERIES, BLUE, Series.Stroke.SOLID, Series.Side.LEFT, measured)),
                sweep.isPresent() ? "the sweep has no points" : NOT_A_SWEEP);
    }

    /** MB/s per target, on a log axis when the sweep's values span decades (a delay sweep from 0 ms). */
    private static Axis throughputAxis(List<ReportData.SweepPoint> points) {
        Supplier<DoubleStream> values = () -> points.stream().flatMapToDouble(p -> DoubleStream.of(
                p.megabytesPerSecond(), p.lawMegabytesPerSecond()));
        return LogAxis.suits(values.get()) ? LogAxis.covering("MB/s per target (log)", values.get())
                : LinearAxis.covering("MB/s per target", values.get());
    }

    private static String withUnit(double value, String unit) {
        return unit.isEmpty() ? number(value) : number(value) + " " + unit;
    }

    /** A value as written by hand: 99.9, 0.25, 5 (never 5.0 or 9.99E1). */
    private static String number(double value) {
        return Double.isFinite(value) ? new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    private static String format(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }
}
