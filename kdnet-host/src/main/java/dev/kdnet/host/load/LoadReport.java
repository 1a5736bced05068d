package dev.kdnet.host.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.HistogramIterationValue;

/** What the HTML report of a run draws ({@link ReportData}), made from the run's result. */
public final class LoadReport {
    /** Spectrum points per halving of the distance to 100%, as HdrHistogram's own .hgrm output has. */
    static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final double NANOS_PER_MICRO = 1e3;

    private LoadReport() {
    }

    /** The report's data for {@code result}. */
    public static ReportData data(LoadResult result) {
        LoadSettings settings = result.settings();
        String title = String.format(Locale.ROOT, "kdnet load: %s, %d target%s, 0x%X-byte requests",
                settings.workload().optionName(), result.targets().size(), result.targets().size() == 1 ? "" : "s",
                settings.requestSize());
        List<ReportData.Entry> settingList = List.of(
                new ReportData.Entry("workload", settings.workload().optionName()),
                new ReportData.Entry("targets", Integer.toString(result.targets().size())),
                new ReportData.Entry("request size", settings.requestSize() + " B"),
                new ReportData.Entry("duration", seconds(settings.duration().toMillis() / 1e3)),
                new ReportData.Entry("warm-up", seconds(settings.warmup().toMillis() / 1e3)),
                new ReportData.Entry("seed", Long.toString(settings.seed())));
        Figures total = result.total();
        List<ReportData.Entry> totals = List.of(
                new ReportData.Entry("throughput", String.format(Locale.ROOT, "%.3f MB/s",
                        total.megabytesPerSecond())),
                new ReportData.Entry("requests", String.format(Locale.ROOT, "%.1f /s", total.requestsPerSecond())),
                micros("p50", total.percentileMicros(50)),
                micros("p90", total.percentileMicros(90)),
                micros("p99", total.percentileMicros(99)),
                micros("p99.9", total.percentileMicros(99.9)),
                micros("max", total.maxMicros()),
                new ReportData.Entry("retransmits", Long.toString(total.tally().retransmits())),
                new ReportData.Entry("drops", Long.toString(total.tally().totalDrops())),
                new ReportData.Entry("bytes checked", total.tally().bytesChecked() + " B"),
                new ReportData.Entry("mismatches", Long.toString(total.tally().mismatches())),
                new ReportData.Entry("host CPU", String.format(Locale.ROOT, "%.0f%% of one core",
                        result.usage().cpuPercent())));
        List<ReportData.Interval> intervals = result.intervals().stream().map(interval -> new ReportData.Interval(
                interval.endSeconds(), interval.sum().megabytesPerSecond(), interval.sum().requestsPerSecond(),
                interval.sum().percentileMicros(50), interval.sum().percentileMicros(99))).toList();
        return new ReportData(title, settingList, totals, intervals, spectrum(total), Optional.empty());
    }

    /** The percentile spectrum of {@code figures}' latencies, in increasing percentile. */
    static List<ReportData.SpectrumPoint> spectrum(Figures figures) {
        List<ReportData.SpectrumPoint> points = new ArrayList<>();
        if (figures.latency().getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue value : figures.latency().percentiles(TICKS_PER_HALF_DISTANCE)) {
            points.add(new ReportData.SpectrumPoint(value.getPercentileLevelIteratedTo(),
                    figures.latency().highestEquivalentValue(value.getValueIteratedTo()) / NANOS_PER_MICRO));
        }
        return points;
    }

    private static ReportData.Entry micros(String label, double value) {
        return new ReportData.Entry(label, String.format(Locale.ROOT, "%.1f µs", value));
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }
}
