package dev.kdnet.host.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadReportTest {
    private static final LoadSettings SETTINGS = new LoadSettings(Workload.READ, 0x448, Duration.ofSeconds(2),
            Duration.ofSeconds(1), 9, Duration.ofSeconds(1), true, 0, 1 << 20);

    private static Figures figures(double seconds, long requests, long... micros) {
        Histogram latency = LatencyHistograms.empty();
        for (long value : micros) {
            latency.recordValue(value * 1000);
        }
        return new Figures("50000", seconds, new Tally(new Tally.Work(requests, requests * 1000,
                requests * 1000, 0, 0), new Tally.Wire(requests * 4, 0, 0, Map.of())), latency);
    }

    @Test
    void oneReportIntervalPerRunIntervalWithItsThroughput() {
        Figures first = figures(1, 1000, 100, 200);
        Figures second = figures(1, 3000, 300);
        List<Interval> intervals = List.of(new Interval(0, 1, List.of(first), first),
                new Interval(1, 2, List.of(second), second));
        Figures total = Figures.sum("total", 2, List.of(first, second));
        LoadResult result = new LoadResult(SETTINGS, List.of(total), total, intervals,
                new HostUsage(50, 2, 1, 2), List.of());

        ReportData data = LoadReport.data(result);

        assertThat(data.title()).isEqualTo("kdnet load: read, 1 target, 0x448-byte requests");
        assertThat(data.intervals()).extracting(ReportData.Interval::endSeconds).containsExactly(1.0, 2.0);
        assertThat(data.intervals()).extracting(ReportData.Interval::megabytesPerSecond).containsExactly(1.0, 3.0);
        assertThat(data.sweep()).isEmpty();
    }

    @Test
    void theSpectrumRisesToTheLargestLatency() {
        Figures figures = figures(1, 4, 100, 200, 300, 5000);

        List<ReportData.SpectrumPoint> spectrum = LoadReport.spectrum(figures);

        assertThat(spectrum).isNotEmpty();
        assertThat(spectrum).extracting(ReportData.SpectrumPoint::percentile).isSorted();
        assertThat(spectrum.get(spectrum.size() - 1).percentile()).isEqualTo(100.0);
        assertThat(spectrum.get(spectrum.size() - 1).latencyMicros()).isBetween(5000.0, 5010.0);
        assertThat(spectrum.get(0).latencyMicros()).isBetween(100.0, 100.1);
    }
}
