package dev.kdnet.it.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdnet.host.load.HtmlReport;
import dev.kdnet.host.load.ReportData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium renders it without a console message, the DOM it builds holds
 * one throughput point per interval, and its screenshot shows the throughput chart's lines.
 */
class HtmlReportBrowserIT {
    /** Not a round number, so a chart that draws a fixed or rounded number of points shows. */
    private static final int INTERVALS = 23;
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 2400;
    /** The requests/s line's colour (#e0731c): only the throughput chart uses it. */
    private static final int[] REQUESTS_ORANGE = {0xe0, 0x73, 0x1c};
    /** The MB/s line's colour (#1f6fb4). */
    private static final int[] MEGABYTES_BLUE = {0x1f, 0x6f, 0xb4};
    /** How far a channel may differ from the series colour, for antialiased edges. */
    private static final int COLOUR_TOLERANCE = 6;
    /** A 2-pixel line across the chart covers thousands of pixels; a few hundred rule out stray specks. */
    private static final int LEAST_LINE_PIXELS = 300;

    @TempDir
    Path directory;

    @BeforeEach
    void needsChromium() {
        HeadlessChromium.require();
    }

    private static ReportData report() {
        List<ReportData.Interval> intervals = IntStream.rangeClosed(1, INTERVALS)
                .mapToObj(i -> new ReportData.Interval(i, 1.9 + 0.3 * Math.sin(i), 1750 + 200 * Math.cos(i), 540,
                        1100 + 10 * i))
                .toList();
        List<ReportData.SpectrumPoint> spectrum = List.of(new ReportData.SpectrumPoint(0, 402),
                new ReportData.SpectrumPoint(50, 540), new ReportData.SpectrumPoint(90, 700),
                new ReportData.SpectrumPoint(99, 1150), new ReportData.SpectrumPoint(99.9, 2100),
                new ReportData.SpectrumPoint(99.99, 3900), new ReportData.SpectrumPoint(100, 4400));
        ReportData.Sweep sweep = new ReportData.Sweep("delay", "ms",
                List.of(new ReportData.SweepPoint(0, 14, 15), new ReportData.SweepPoint(0.5, 1.05, 1.1),
                        new ReportData.SweepPoint(1, 0.54, 0.55), new ReportData.SweepPoint(2, 0.27, 0.28)));
        return new ReportData("kdnet load: read, 4 targets, 0x448-byte requests",
                List.of(new ReportData.Entry("workload", "read"), new ReportData.Entry("targets", "4")),
                List.of(new ReportData.Entry("MB/s", "1.90"), new ReportData.Entry("mismatches", "0")), intervals,
                spectrum, Optional.of(sweep));
    }

    @Test
    void rendersWithoutConsoleMessagesAndOneThroughputPointPerInterval() throws Exception {
        Path page = directory.resolve("report.html");
        HtmlReport.write(report(), page);

        HeadlessChromium.Rendering rendering = HeadlessChromium.render(page, directory, WIDTH, HEIGHT);

        assertThat(rendering.consoleMessages()).as("console messages of the report").isEmpty();
        String throughput = element(rendering.dom(), "<svg[^>]*\\bid=\"throughput\"[^>]*>", "</svg>");
        assertThat(points(throughput, HtmlReport.MEGABYTES_SERIES)).isEqualTo(INTERVALS);
        assertThat(points(throughput, HtmlReport.REQUESTS_SERIES)).isEqualTo(INTERVALS);
        assertThat(rendering.dom()).contains("id=\"spectrum\"", "id=\"sweep\"");
        BufferedImage screenshot = ImageIO.read(rendering.screenshot().toFile());
        assertThat(pixelsOf(screenshot, REQUESTS_ORANGE)).isGreaterThan(LEAST_LINE_PIXELS);
        assertThat(pixelsOf(screenshot, MEGABYTES_BLUE)).isGreaterThan(LEAST_LINE_PIXELS);
    }

    @Test
    void reportsWhatChromiumComplainsAbout() throws Exception {
        Path page = directory.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<circle cx=\"NaN\" cy=\"1\" r=\"3\"/></svg></body></html>");

        HeadlessChromium.Rendering rendering = HeadlessChromium.render(page, directory, WIDTH, HEIGHT);

        assertThat(rendering.consoleMessages()).singleElement().asString().contains("cx");
    }

    /** The markup between the first match of {@code start} and the next {@code end}. */
    private static String element(String dom, String start, String end) {
        Matcher matcher = Pattern.compile("(?s)" + start + "(.*?)" + Pattern.quote(end)).matcher(dom);
        assertThat(matcher.find()).as("the DOM holds " + start).isTrue();
        return matcher.group(1);
    }

    private static long points(String chart, String series) {
        String group = element(chart, "<g class=\"series\" data-series=\"" + Pattern.quote(series) + "\">", "</g>");
        return Pattern.compile("<circle[^>]*\\bclass=\"point\"").matcher(group).results().count();
    }

    private static long pixelsOf(BufferedImage image, int[] colour) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xff) - colour[0]) <= COLOUR_TOLERANCE
                        && Math.abs((rgb >> 8 & 0xff) - colour[1]) <= COLOUR_TOLERANCE
                        && Math.abs((rgb & 0xff) - colour[2]) <= COLOUR_TOLERANCE) {
                    count++;
                }
            }
        }
        return count;
    }
}
