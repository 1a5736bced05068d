package dev.kdnet.host.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kdnet.host.load.chart.ParsedMarkup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final String HOSTILE = "<script>alert('x')</script> & \"q\"";

    private static List<ReportData.Interval> intervals(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new ReportData.Interval(i, 1.5 + i % 3, 1400 + 10 * i, 550, 900)).toList();
    }

    private static final List<ReportData.SpectrumPoint> SPECTRUM = List.of(new ReportData.SpectrumPoint(0, 410),
            new ReportData.SpectrumPoint(50, 520), new ReportData.SpectrumPoint(90, 610),
            new ReportData.SpectrumPoint(99, 930), new ReportData.SpectrumPoint(99.9, 1800),
            new ReportData.SpectrumPoint(100, 2400));

    private static final ReportData.Sweep DELAY_SWEEP = new ReportData.Sweep("delay", "ms",
            List.of(new ReportData.SweepPoint(0, 12, 13), new ReportData.SweepPoint(0.5, 1.05, 1.1),
                    new ReportData.SweepPoint(1, 0.54, 0.55), new ReportData.SweepPoint(2, 0.27, 0.27)));

    private static ReportData data(int intervals, Optional<ReportData.Sweep> sweep) {
        return new ReportData("kdnet load: read, 4 targets", List.of(new ReportData.Entry("workload", "read")),
                List.of(new ReportData.Entry("MB/s", "2.50")), intervals(intervals), SPECTRUM, sweep);
    }

    private static ParsedMarkup parsed(ReportData data) {
        return ParsedMarkup.of(HtmlReport.html(data));
    }

    private static String points(String chart, String series) {
        return "//svg[@id='" + chart + "']/g[@data-series='" + series + "']/circle[@class='point']";
    }

    @Test
    void holdsItsThreeChartsAndItsTwoTables() {
        ParsedMarkup html = parsed(data(5, Optional.of(DELAY_SWEEP)));

        assertThat(html.texts("//svg/@id")).containsExactly("throughput", "spectrum", "sweep");
        assertThat(html.texts("//table[@id='settings']//th")).containsExactly("workload");
        assertThat(html.texts("//table[@id='settings']//td")).containsExactly("read");
        assertThat(html.texts("//table[@id='totals']//th")).containsExactly("MB/s");
        assertThat(html.texts("//table[@id='totals']//td")).containsExactly("2.50");
        assertThat(html.texts("/html/head/title")).containsExactly("kdnet load: read, 4 targets");
        assertThat(html.texts("//h1")).containsExactly("kdnet load: read, 4 targets");
    }

    @Test
    void drawsOneThroughputPointPerIntervalInBothSeries() {
        ParsedMarkup html = parsed(data(17, Optional.empty()));

        assertThat(html.count(points("throughput", HtmlReport.MEGABYTES_SERIES))).isEqualTo(17);
        assertThat(html.count(points("throughput", HtmlReport.REQUESTS_SERIES))).isEqualTo(17);
    }

    @Test
    void drawsThroughputAlongTimeWithMoreMegabytesHigher() {
        ParsedMarkup html = parsed(data(3, Optional.empty()));
        List<Double> xs = html.numbers(points("throughput", HtmlReport.MEGABYTES_SERIES) + "/@cx");
        List<Double> ys = html.numbers(points("throughput", HtmlReport.MEGABYTES_SERIES) + "/@cy");

        assertThat(xs).isSorted().doesNotHaveDuplicates();
        // intervals 1, 2, 3 move 2.5, 3.5 and 1.5 MB/s
        assertThat(ys.get(1)).isLessThan(ys.get(0));
        assertThat(ys.get(0)).isLessThan(ys.get(2));
        assertThat(html.texts(points("throughput", HtmlReport.MEGABYTES_SERIES) + "/title").get(1))
                .isEqualTo("2.0 s: 3.50 MB/s");
    }

    @Test
    void drawsTheSpectrumOnThePercentileAxis() {
        ParsedMarkup html = parsed(data(1, Optional.empty()));

        assertThat(html.count(points("spectrum", HtmlReport.LATENCY_SERIES))).isEqualTo(SPECTRUM.size());
        assertThat(html.texts("//svg[@id='spectrum']/g[@class='axis x']/text[@class='tick']"))
                .containsExactly("0%", "90%", "99%", "99.9%", "max");
        assertThat(html.texts(points("spectrum", HtmlReport.LATENCY_SERIES) + "/title"))
                .contains("99.9%: 1,800 µs", "100%: 2,400 µs");
        List<Double> xs = html.numbers(points("spectrum", HtmlReport.LATENCY_SERIES) + "/@cx");
        // 90%, 99% and 99.9% are one nine apart, so equally far apart
        assertThat(xs.get(3) - xs.get(2)).isCloseTo(xs.get(4) - xs.get(3), within(0.2));
    }

    @Test
    void drawsASweepBesideItsLaw() {
        ParsedMarkup html = parsed(data(1, Optional.of(DELAY_SWEEP)));

        assertThat(html.count(points("sweep", HtmlReport.MEASURED_SERIES))).isEqualTo(4);
        assertThat(html.count(points("sweep", HtmlReport.LAW_SERIES))).isEqualTo(4);
        assertThat(html.texts("//svg[@id='sweep']/g[@class='axis x']/text[@class='title']"))
                .containsExactly("delay (ms)");
        assertThat(html.texts(points("sweep", HtmlReport.MEASURED_SERIES) + "/title").get(1))
                .isEqualTo("0.5 ms: 1.05 MB/s measured");
    }

    @Test
    void aSweepSpanningDecadesGetsALogThroughputAxis() {
        ReportData.Sweep fromZero = new ReportData.Sweep("delay", "ms", List.of(new ReportData.SweepPoint(0, 13.4,
                207.6), new ReportData.SweepPoint(0.5, 0.86, 0.87), new ReportData.SweepPoint(5, 0.106, 0.106)));

        ParsedMarkup html = parsed(data(1, Optional.of(fromZero)));

        assertThat(html.texts("//svg[@id='sweep']/g[@class='axis y left']/text[@class='title']"))
                .containsExactly("MB/s per target (log)");
        assertThat(html.texts("//svg[@id='sweep']/g[@class='axis y left']/text[@class='tick']"))
                .containsExactly("0.1", "1", "10", "100", "1,000");
    }

    @Test
    void writesASweepValueWithoutUnitWithoutAGap() {
        ReportData.Sweep targets = new ReportData.Sweep("targets", "", List.of(new ReportData.SweepPoint(8, 9.5, 9.8)));

        ParsedMarkup html = parsed(data(1, Optional.of(targets)));

        assertThat(html.texts(points("sweep", HtmlReport.MEASURED_SERIES) + "/title"))
                .containsExactly("8: 9.50 MB/s measured");
        assertThat(html.texts("//svg[@id='sweep']/g[@class='axis x']/text[@class='title']"))
                .containsExactly("targets");
    }

    @Test
    void saysWhenTheRunWasNotASweep() {
        ParsedMarkup html = parsed(data(3, Optional.empty()));

        assertThat(html.count("//svg[@id='sweep']//circle")).isZero();
        assertThat(html.texts("//svg[@id='sweep']/text[@class='note']")).containsExactly(HtmlReport.NOT_A_SWEEP);
    }

    @Test
    void withNothingMeasuredStillRendersEveryPartWithNotes() {
        ParsedMarkup html = parsed(new ReportData("empty", List.of(), List.of(), List.of(), List.of(),
                Optional.of(new ReportData.Sweep("loss", "%", List.of()))));

        assertThat(html.texts("//svg/@id")).containsExactly("throughput", "spectrum", "sweep");
        assertThat(html.count("//circle")).isZero();
        assertThat(html.count("//svg/text[@class='note']")).isEqualTo(3);
        assertThat(html.count("//table[@id='settings']//tr")).isZero();
    }

    @Test
    void escapesEveryTextFromTheData() {
        ReportData hostile = new ReportData(HOSTILE, List.of(new ReportData.Entry(HOSTILE, HOSTILE)),
                List.of(new ReportData.Entry(HOSTILE, HOSTILE)), intervals(2), SPECTRUM,
                Optional.of(new ReportData.Sweep(HOSTILE, HOSTILE, DELAY_SWEEP.points())));

        ParsedMarkup html = parsed(hostile);

        assertThat(html.count("//script")).isZero();
        assertThat(html.texts("//h1")).containsExactly(HOSTILE);
        assertThat(html.texts("//table//th")).containsExactly(HOSTILE, HOSTILE);
        assertThat(html.texts("//table//td")).containsExactly(HOSTILE, HOSTILE);
        assertThat(html.texts("//svg[@id='sweep']/g[@class='axis x']/text[@class='title']"))
                .containsExactly(HOSTILE + " (" + HOSTILE + ")");
    }

    @Test
    void fetchesNothing() {
        ParsedMarkup html = parsed(data(3, Optional.of(DELAY_SWEEP)));

        assertThat(html.count("//script | //img | //iframe | //object | //embed | //use")).isZero();
        assertThat(html.texts("//@src")).isEmpty();
        assertThat(html.texts("//@href")).containsExactly("data:,");
        assertThat(html.texts("//style")).noneMatch(style -> style.contains("url(") || style.contains("@import"));
    }

    @Test
    void writesTheReportToTheFileInUtf8(@TempDir Path directory) throws Exception {
        ReportData data = data(4, Optional.of(DELAY_SWEEP));
        Path file = directory.resolve("report.html");

        HtmlReport.write(data, file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(HtmlReport.html(data));
    }
}
