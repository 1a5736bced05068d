package dev.kdnet.host.load;

import java.util.List;
import java.util.Optional;

/**
 * What the HTML report of a load run draws, independent of how the run was measured: throughput over time, the
 * latency percentile spectrum, and for a sweep the measured curve beside the stop-and-wait law. Made from a run's
 * result by the load tester; read by {@code HtmlReport}.
 *
 * @param title    the report's heading, e.g. {@code kdnet load: read, 4 targets, 0x448-byte requests}
 * @param settings the run's settings as label/value pairs, in the order shown
 * @param totals   the end totals as label/value pairs (MB/s, requests/s, latency percentiles, bytes checked, ...)
 * @param intervals one entry per reporting interval, in time order
 * @param spectrum the latency percentile spectrum of the whole run, in increasing percentile
 * @param sweep    the sweep, when the run was one
 */
public record ReportData(String title, List<Entry> settings, List<Entry> totals, List<Interval> intervals,
        List<SpectrumPoint> spectrum, Optional<Sweep> sweep) {
    /**
     * One label and its value as text.
     *
     * @param label what it is
     * @param value its value, with its unit
     */
    public record Entry(String label, String value) {
    }

    /**
     * One reporting interval, summed over the targets.
     *
     * @param endSeconds     seconds from the start of measurement to the end of the interval
     * @param megabytesPerSecond memory payload moved, 10^6 bytes/s
     * @param requestsPerSecond  requests completed per second
     * @param p50Micros      median request latency, µs
     * @param p99Micros      99th percentile request latency, µs
     */
    public record Interval(double endSeconds, double megabytesPerSecond, double requestsPerSecond, double p50Micros,
            double p99Micros) {
    }

    /**
     * One point of the percentile spectrum (HdrHistogram's percentile distribution).
     *
     * @param percentile   0..100 (e.g. 99.9)
     * @param latencyMicros the latency at that percentile, µs
     */
    public record SpectrumPoint(double percentile, double latencyMicros) {
    }

    /**
     * A sweep: one run per value of one parameter.
     *
     * @param parameter what was swept, e.g. {@code delay} or {@code request-size}
     * @param unit      the unit of its values as shown on the axis, e.g. {@code ms}
     * @param points    one point per value, in the order run
     */
    public record Sweep(String parameter, String unit, List<SweepPoint> points) {
    }

    /**
     * One run of a sweep.
     *
     * @param value              the parameter's value, in the sweep's unit
     * @param megabytesPerSecond measured throughput
     * @param lawMegabytesPerSecond the stop-and-wait law at that point: payload per request / measured RTT
     */
    public record SweepPoint(double value, double megabytesPerSecond, double lawMegabytesPerSecond) {
    }
}
