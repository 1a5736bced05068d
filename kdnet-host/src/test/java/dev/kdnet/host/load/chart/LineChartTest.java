package dev.kdnet.host.load.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class LineChartTest {
    private static final String POINTS = "//g[@class='series']/circle[@class='point']";

    private static Series series(String name, Series.Stroke stroke, Series.Side side, Point... points) {
        return new Series(name, "#123456", stroke, side, List.of(points));
    }

    private static LineChart chart(Optional<Axis> right, Series... series) {
        return new LineChart("c", "a chart", LinearAxis.covering("time (s)", DoubleStream.of(4)),
                LinearAxis.covering("MB/s", DoubleStream.of(10)), right, List.of(series), "nothing to draw");
    }

    @Test
    void drawsOneMarkerPerPointInsideItsSeries() {
        LineChart chart = chart(Optional.of(LinearAxis.covering("requests/s", DoubleStream.of(1000))),
                series("a", Series.Stroke.SOLID, Series.Side.LEFT, new Point(1, 2, "one"), new Point(2, 3, "two"),
                        new Point(3, 4, "three")),
                series("b", Series.Stroke.SOLID, Series.Side.RIGHT, new Point(1, 500, "x"), new Point(2, 600, "y")));

        ParsedMarkup svg = ParsedMarkup.of(chart.svg());

        assertThat(svg.count("/svg[@id='c']")).isEqualTo(1);
        assertThat(svg.count("//g[@data-series='a']/circle[@class='point']")).isEqualTo(3);
        assertThat(svg.count("//g[@data-series='b']/circle[@class='point']")).isEqualTo(2);
        assertThat(svg.texts("//g[@data-series='a']/circle/title")).containsExactly("one", "two", "three");
    }

    @Test
    void placesPointsOnTheirAxesWithYGrowingUpwards() {
        LineChart chart = chart(Optional.empty(), series("a", Series.Stroke.SOLID, Series.Side.LEFT,
                new Point(0, 0, ""), new Point(2, 5, ""), new Point(4, 10, "")));

        ParsedMarkup svg = ParsedMarkup.of(chart.svg());
        List<Double> xs = svg.numbers(POINTS + "/@cx");
        List<Double> ys = svg.numbers(POINTS + "/@cy");

        assertThat(xs.get(1) - xs.get(0)).isEqualTo(xs.get(2) - xs.get(1)).isPositive();
        assertThat(ys.get(0)).isGreaterThan(ys.get(1));
        assertThat(ys.get(1)).isGreaterThan(ys.get(2));
        assertThat(xs).allSatisfy(x -> assertThat(x).isBetween(0.0, LineChart.WIDTH));
        assertThat(ys).allSatisfy(y -> assertThat(y).isBetween(0.0, LineChart.HEIGHT));
    }

    @Test
    void readsRightSideSeriesAgainstTheRightAxis() {
        LineChart chart = chart(Optional.of(LinearAxis.covering("requests/s", DoubleStream.of(1000))),
                series("left", Series.Stroke.SOLID, Series.Side.LEFT, new Point(1, 10, "")),
                series("right", Series.Stroke.SOLID, Series.Side.RIGHT, new Point(1, 1000, "")));

        ParsedMarkup svg = ParsedMarkup.of(chart.svg());

        assertThat(svg.numbers("//g[@data-series='right']/circle/@cy"))
                .isEqualTo(svg.numbers("//g[@data-series='left']/circle/@cy"));
        assertThat(svg.texts("//g[@class='axis y right']/text[@class='tick']")).contains("1,000");
        assertThat(svg.texts("//g[@class='axis y right']/text[@class='title']")).containsExactly("requests/s");
    }

    @Test
    void labelsTicksAxesAndLegend() {
        ParsedMarkup svg = ParsedMarkup.of(chart(Optional.empty(), series("MB/s measured", Series.Stroke.SOLID,
                Series.Side.LEFT, new Point(1, 1, ""))).svg());

        assertThat(svg.texts("//g[@class='axis x']/text[@class='tick']")).containsExactly("0", "1", "2", "3", "4");
        assertThat(svg.texts("//g[@class='axis x']/text[@class='title']")).containsExactly("time (s)");
        assertThat(svg.texts("//g[@class='axis y left']/text[@class='title']")).containsExactly("MB/s");
        assertThat(svg.texts("//g[@class='legend']/text")).containsExactly("MB/s measured");
    }

    @Test
    void drawsADashedSeriesDashedWithHollowMarkers() {
        ParsedMarkup svg = ParsedMarkup.of(chart(Optional.empty(),
                series("law", Series.Stroke.DASHED, Series.Side.LEFT, new Point(1, 1, "")),
                series("measured", Series.Stroke.SOLID, Series.Side.LEFT, new Point(1, 1, ""))).svg());

        assertThat(svg.count("//g[@data-series='law']/polyline[@stroke-dasharray]")).isEqualTo(1);
        assertThat(svg.texts("//g[@data-series='law']/circle/@fill")).containsExactly("white");
        assertThat(svg.count("//g[@data-series='measured']/polyline[@stroke-dasharray]")).isZero();
        assertThat(svg.texts("//g[@data-series='measured']/circle/@fill")).containsExactly("#123456");
    }

    @Test
    void leavesOutPointsThatAreNotFiniteNumbers() {
        ParsedMarkup svg = ParsedMarkup.of(chart(Optional.empty(), series("a", Series.Stroke.SOLID,
                Series.Side.LEFT, new Point(1, Double.NaN, ""), new Point(2, 3, "kept"),
                new Point(Double.POSITIVE_INFINITY, 1, ""))).svg());

        assertThat(svg.texts(POINTS + "/title")).containsExactly("kept");
    }

    @Test
    void withoutPointsSaysItsNoteInsteadOfDrawingAxes() {
        ParsedMarkup svg = ParsedMarkup.of(chart(Optional.empty(),
                series("a", Series.Stroke.SOLID, Series.Side.LEFT)).svg());

        assertThat(svg.count("/svg[@id='c']")).isEqualTo(1);
        assertThat(svg.texts("//text[@class='note']")).containsExactly("nothing to draw");
        assertThat(svg.count("//circle")).isZero();
        assertThat(svg.count("//g[contains(@class, 'axis')]")).isZero();
    }

    @Test
    void escapesTheTextItIsGiven() {
        String hostile = "<script>alert('x')</script> & \"";
        LineChart chart = new LineChart("c\"><script>", hostile, LinearAxis.covering(hostile, DoubleStream.of(1)),
                LinearAxis.covering(hostile, DoubleStream.of(1)), Optional.empty(),
                List.of(series(hostile, Series.Stroke.SOLID, Series.Side.LEFT, new Point(1, 1, hostile))), hostile);

        ParsedMarkup svg = ParsedMarkup.of(chart.svg());

        assertThat(svg.count("//script")).isZero();
        assertThat(svg.texts("/svg/@id")).containsExactly("c\"><script>");
        assertThat(svg.texts("/svg/title")).containsExactly(hostile);
        assertThat(svg.texts("//g[@class='series']/@data-series")).containsExactly(hostile);
        assertThat(svg.texts(POINTS + "/title")).containsExactly(hostile);
        assertThat(svg.texts("//text[@class='title']")).containsExactly(hostile, hostile);
        assertThat(svg.texts("//g[@class='legend']/text")).containsExactly(hostile);
    }
}
